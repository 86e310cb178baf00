using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Text;

namespace Gazette.Tests.Content;

public class FrontMatterParserTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static (ParsedSource? Parsed, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var parsed = FrontMatterParser.Parse(text, "content/posts/a.md", Paris, diagnostics);
        return (parsed, diagnostics.ToSortedList());
    }

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code) =>
        Assert.Single(diagnostics, d => d.Code == code);

    [Fact]
    public void Every_documented_field_is_read_into_its_typed_property()
    {
        var (parsed, diagnostics) = Parse("""
            ---
            title: "OpenAI ouvre un bureau à Paris"
            date: 2024-09-25T10:30:00+02:00
            updated: 2024-09-26
            author: mathilde
            category: Intelligence artificielle
            tags: [OpenAI, ChatGPT, Paris]
            summary: "Le géant de la tech"
            image:
              src: altman.jpg
              alt: "Sam Altman"
              caption: "Une légende"
              credit: "Rokas Tenys / Shutterstock"
              credit_url: https://example.com/rokas
            review: { name: ChatGPT, features: [Rapide, Précis], score: 9, scale: 10 }
            sources: [Le Figaro, { name: BFM TV, url: "https://bfmtv.example" }]
            draft: true
            slug: openai-paris
            lang: en
            ---
            Corps
            """);

        Assert.Empty(diagnostics);
        var fm = parsed!.FrontMatter;
        Assert.Equal("OpenAI ouvre un bureau à Paris", fm.Title);
        Assert.Equal(new DateTimeOffset(2024, 9, 25, 10, 30, 0, TimeSpan.FromHours(2)), fm.Date);
        Assert.Equal(new DateTimeOffset(2024, 9, 26, 0, 0, 0, TimeSpan.FromHours(2)), fm.Updated);
        Assert.Equal(["mathilde"], fm.Authors);
        Assert.Equal("Intelligence artificielle", fm.Category);
        Assert.Equal(["OpenAI", "ChatGPT", "Paris"], fm.Tags);
        Assert.Equal("Le géant de la tech", fm.Summary);
        Assert.Equal("altman.jpg", fm.Image!.Src);
        Assert.Equal("Sam Altman", fm.Image.Alt);
        Assert.Equal("Une légende", fm.Image.Caption);
        Assert.Equal("Rokas Tenys / Shutterstock", fm.Image.Credit);
        Assert.Equal("https://example.com/rokas", fm.Image.CreditUrl);
        Assert.Equal("ChatGPT", fm.Review!.Name);
        Assert.Equal(["Rapide", "Précis"], fm.Review.Features);
        Assert.Equal(9, fm.Review.Score);
        Assert.Equal([new SourceRef("Le Figaro", null), new SourceRef("BFM TV", "https://bfmtv.example")], fm.Sources);
        Assert.True(fm.Draft);
        Assert.Equal("openai-paris", fm.Slug);
        Assert.Equal("en", fm.Lang);
        Assert.Equal("Corps", parsed.Body);
        Assert.Equal(20, parsed.BodyLineOffset);
    }

    [Fact]
    public void Date_without_offset_is_in_the_site_timezone()
    {
        var (parsed, _) = Parse("---\ntitle: T\ndate: 2024-01-15 09:00\n---\n");
        // Paris is UTC+1 in January, UTC+2 in summer.
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.FromHours(1)), parsed!.FrontMatter.Date);
        var (summer, _) = Parse("---\ntitle: T\ndate: 2024-07-15\n---\n");
        Assert.Equal(TimeSpan.FromHours(2), summer!.FrontMatter.Date!.Value.Offset);
    }

    [Fact]
    public void Missing_title_is_an_error_at_the_front_matter()
    {
        var (parsed, diagnostics) = Parse("---\ndate: 2024-01-01\n---\nBody");
        Assert.Null(parsed);
        var error = Single(diagnostics, DiagnosticCodes.YamlMissingField);
        Assert.Equal(new SourceLocation("content/posts/a.md", 2, 1), error.Location);
        Assert.Contains("'title'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_is_reported_at_the_value_with_the_expected_type()
    {
        var (parsed, diagnostics) = Parse("---\ntitle: T\ndate: yesterday\ntags: 3\n---\n");
        Assert.Null(parsed);
        var errors = diagnostics.Where(d => d.Code == DiagnosticCodes.YamlWrongType).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(new SourceLocation("content/posts/a.md", 3, 7), errors[0].Location);
        Assert.Contains("'date' must be a date", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("content/posts/a.md", 4, 7), errors[1].Location);
        Assert.Contains("'tags' must be a list", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_is_a_warning_at_its_line_with_a_suggestion_and_is_kept_as_a_param()
    {
        var (parsed, diagnostics) = Parse("---\ntitle: T\ndate: 2024-01-01\ntitel: Typo\nrating: 4\n---\n");
        Assert.NotNull(parsed);
        var warnings = diagnostics.Where(d => d.Code == DiagnosticCodes.YamlUnknownKey).ToList();
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Equal(new SourceLocation("content/posts/a.md", 4, 1), warnings[0].Location);
        Assert.Contains("did you mean 'title'", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Gazette does not use its value 'Typo'", warnings[0].Message, StringComparison.Ordinal); // what the typo loses
        Assert.Equal("4", parsed!.FrontMatter.Params["rating"]);
        Assert.Equal("Typo", parsed.FrontMatter.Params["titel"]);
    }

    [Fact]
    public void Duplicate_key_is_an_error_at_the_second_occurrence()
    {
        var (parsed, diagnostics) = Parse("---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\n");
        Assert.Null(parsed);
        var error = Single(diagnostics, DiagnosticCodes.YamlDuplicateKey);
        Assert.Equal(new SourceLocation("content/posts/a.md", 4, 1), error.Location);
    }

    [Fact]
    public void Colon_in_an_unquoted_value_points_at_the_line_and_suggests_quotes()
    {
        var (parsed, diagnostics) = Parse("---\ndate: 2024-01-01\ntitle: Foo: bar\n---\n");
        Assert.Null(parsed);
        var error = Single(diagnostics, DiagnosticCodes.YamlSyntax);
        Assert.Equal(3, error.Location.Line);
        Assert.True(error.Location.Column > 0);
        Assert.Contains("quote a value that contains ': '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mis_indented_key_points_at_the_line_and_says_to_align_the_keys_not_to_quote()
    {
        var (parsed, diagnostics) = Parse("---\ntitle: T\ndate: 2024-01-01\nimage:\n  src: a.jpg\n    alt: Une photo\n---\n");
        Assert.Null(parsed);
        var error = Single(diagnostics, DiagnosticCodes.YamlSyntax);
        Assert.Equal(6, error.Location.Line);
        Assert.Contains("indented differently", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_front_matter_is_reported()
    {
        var (parsed, diagnostics) = Parse("---\ntitle: T\ndate: 2024-01-01\n\nBody without closing line");
        Assert.Null(parsed);
        Assert.Equal(new SourceLocation("content/posts/a.md", 1, 1), Single(diagnostics, DiagnosticCodes.FrontMatterUnclosed).Location);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("# Just a heading\n", "no front matter")]
    public void File_without_front_matter_is_an_error_at_line_one(string text, string expected)
    {
        var (parsed, diagnostics) = Parse(text);
        Assert.Null(parsed);
        var error = Single(diagnostics, DiagnosticCodes.YamlSyntax);
        Assert.Equal(1, error.Location.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_instead_of_a_mapping_is_an_error()
    {
        var (parsed, diagnostics) = Parse("---\n- title\n- date\n---\n");
        Assert.Null(parsed);
        Assert.Contains("found a list", Single(diagnostics, DiagnosticCodes.YamlSyntax).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_tags_are_refused_and_nothing_is_instantiated()
    {
        var (parsed, diagnostics) = Parse("---\ntitle: T\ndate: 2024-01-01\nx: !System.Diagnostics.Process {}\n---\n");
        Assert.Null(parsed);
        var error = Single(diagnostics, DiagnosticCodes.YamlUnsupported);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Self_referencing_alias_is_an_error_not_a_crash()
    {
        var (parsed, diagnostics) = Parse("---\ntitle: T\ndate: 2024-01-01\na: &x [*x]\n---\n");
        Assert.Null(parsed);
        Assert.Equal(4, Single(diagnostics, DiagnosticCodes.YamlUnsupported).Location.Line);
    }

    [Fact]
    public void Review_score_outside_the_scale_is_an_error_at_the_score()
    {
        var (parsed, diagnostics) = Parse("---\ntitle: T\ndate: 2024-01-01\nreview:\n  name: X\n  score: 12\n---\n");
        Assert.Null(parsed);
        Assert.Equal(new SourceLocation("content/posts/a.md", 6, 10), Single(diagnostics, DiagnosticCodes.YamlWrongType).Location);
    }

    [Fact]
    public void Crlf_line_endings_and_bom_give_the_same_result_as_lf()
    {
        var text = "---\ntitle: T\ndate: 2024-01-01\ntags: [a, b]\n---\nBody\n";
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();
        var diagnostics = new DiagnosticBag();
        Assert.True(TextFile.TryDecode(bytes, "a.md", diagnostics, out var decoded));
        var (fromCrlf, _) = Parse(decoded);
        var (fromLf, _) = Parse(text);
        Assert.Equal(fromLf!.FrontMatter.Tags, fromCrlf!.FrontMatter.Tags);
        Assert.Equal(fromLf.Body, fromCrlf.Body);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_position()
    {
        var bytes = "---\ntitle: caf"u8.ToArray().Concat(new byte[] { 0xE9 }).Concat("\n"u8.ToArray()).ToArray();
        var diagnostics = new DiagnosticBag();
        Assert.False(TextFile.TryDecode(bytes, "a.md", diagnostics, out _));
        var error = Assert.Single(diagnostics.ToList());
        Assert.Equal(new SourceLocation("a.md", 2, 11), error.Location);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }
    /// <summary>Files split on their bytes (the usual case) and files that take the general path
    /// give the same front matter, body, line numbers and diagnostics as the text parser.</summary>
    [Theory]
    [InlineData("---\ntitle: Un\ndate: 2024-09-25\n---\n\nCorps « ici ».\n", true)]
    [InlineData("\uFEFF---\ntitle: Un\ndate: 2024-09-25\ntags: [a, b]\n--- \t\nCorps.", true)]
    [InlineData("---\ntitle: Un\ndate: 2024-09-25\n...\nCorps.\n", true)]
    [InlineData("---\ntitle: Un\ndate: 2024-09-25\n---", true)]
    [InlineData("---\ntitle: Un\ndate: 2024-09-25\n---x\nkey: 1\n---\nCorps.\n", true)]
    [InlineData("---\r\ntitle: Un\r\ndate: 2024-09-25\r\n---\r\nCorps.\r\n", false)]
    [InlineData("---\ntitle: Un\ndate: 2024-09-25\n---\u00A0\nCorps.\n", false)]
    [InlineData("---\ntitle: Un\ndate: 2024-09-25\nCorps sans fin de front matter.\n", false)]
    [InlineData("Pas de front matter.\n", false)]
    [InlineData("---\ntitle: [Un\n---\nCorps.\n", true)]
    [InlineData("", false)]
    public void Parsing_the_bytes_gives_what_parsing_the_text_gives(string file, bool splitOnBytes)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(file);
        Assert.Equal(splitOnBytes, FrontMatterParser.TrySplitUtf8(bytes, out _, out _, out _));

        var fromBytes = new DiagnosticBag();
        var parsedFromBytes = FrontMatterParser.ParseFile(bytes, "content/posts/a.md", Paris, fromBytes);
        var fromText = new DiagnosticBag();
        var text = file.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        var parsedFromText = FrontMatterParser.Parse(text, "content/posts/a.md", Paris, fromText);

        Assert.Equal(fromText.ToSortedList().Select(d => d.ToString()), fromBytes.ToSortedList().Select(d => d.ToString()));
        Assert.Equal(parsedFromText is null, parsedFromBytes is null);
        if (parsedFromText is not null)
        {
            Assert.Equal(parsedFromText.Body, parsedFromBytes!.Body);
            Assert.Equal(parsedFromText.BodyLineOffset, parsedFromBytes.BodyLineOffset);
            Assert.Equal(parsedFromText.FrontMatter.Title, parsedFromBytes.FrontMatter.Title);
            Assert.Equal(parsedFromText.FrontMatter.Date, parsedFromBytes.FrontMatter.Date);
            Assert.Equal(parsedFromText.FrontMatter.Tags, parsedFromBytes.FrontMatter.Tags);
        }
    }

    [Fact]
    public void Invalid_utf8_in_the_body_is_reported_at_its_line_like_any_file()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("---\ntitle: Un\ndate: 2024-09-25\n---\nA\nB ").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var diagnostics = new DiagnosticBag();

        Assert.Null(FrontMatterParser.ParseFile(bytes, "content/posts/a.md", Paris, diagnostics));
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(6, error.Location.Line);
    }
}
