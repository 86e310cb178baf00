using Gazette.Configuration;
using Gazette.Model;
using Gazette.Text;

namespace Gazette.Tests.Model;

public class SlugTests
{
    [Theory]
    [InlineData("Intelligence artificielle", "intelligence-artificielle")]
    [InlineData("La capitale française, un vivier de talents IA", "la-capitale-francaise-un-vivier-de-talents-ia")]
    [InlineData("Matériel", "materiel")]
    [InlineData("Œuvres & cœur", "oeuvres-coeur")]
    [InlineData("  ../../etc/passwd ", "etc-passwd")]
    [InlineData("C#/.NET 10", "c-net-10")]
    [InlineData("CON", "con-page")]
    [InlineData("日本語", "")]
    public void Slug_is_ascii_folded_lowercase_and_dash_separated(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Theory]
    [InlineData("/{year}/{month}/{slug}/", "2024/09/openai-paris/")]
    [InlineData("/posts/{year}/{slug}/", "posts/2024/openai-paris/")]
    [InlineData("{category}/{year}-{month}-{day}-{slug}", "ia/2024-09-05-openai-paris/")]
    public void Permalink_pattern_fills_date_slug_and_category(string pattern, string expected)
    {
        var date = new DateTimeOffset(2024, 9, 5, 23, 30, 0, TimeSpan.FromHours(2));
        Assert.Equal(expected, SiteUrls.ArticleFolder(pattern, date, "openai-paris", "ia"));
    }

    [Fact]
    public void Urls_respect_a_base_path()
    {
        var urls = new SiteUrls(new Gazette.Configuration.SiteConfig { Title = "T", BaseUrl = "https://user.github.io/blog/" });
        Assert.Equal("/blog/", urls.BasePath);
        Assert.Equal("/blog/2024/09/x/", urls.ForOutput("2024/09/x/"));
        Assert.Equal("/blog/2024/09/x/", urls.RootRelative("/2024/09/x/"));
        Assert.Equal("https://example.com/a", urls.RootRelative("https://example.com/a"));
        Assert.Equal("relative.jpg", urls.RootRelative("relative.jpg"));
        Assert.Equal("//cdn.example/x", urls.RootRelative("//cdn.example/x"));
        Assert.Equal("https://user.github.io/blog/x/", urls.Absolute("/blog/x/"));
    }
}
