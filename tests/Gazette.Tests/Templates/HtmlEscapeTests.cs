using Gazette.Templates;
using Gazette.Text;

namespace Gazette.Tests.Templates;

public class HtmlEscapeTests
{
    [Theory]
    [InlineData("\"'><x-canary>", "&quot;&#39;&gt;&lt;x-canary&gt;")]
    [InlineData("AT&T", "AT&amp;T")]
    [InlineData("déjà vu", "déjà vu")]
    [InlineData("", "")]
    public void Escape_neutralises_every_markup_character(string text, string expected)
    {
        Assert.Equal(expected, Html.Escape(text));
    }

    [Fact]
    public void Escaping_round_trips_through_html_decoding()
    {
        foreach (var text in new[] { "<script>alert('x')</script>", "a & b < c > d \" e ' f", "«\u00A0guillemets\u00A0»" })
        {
            Assert.Equal(text, System.Net.WebUtility.HtmlDecode(Html.Escape(text)));
        }
    }
}
