using System.Xml.Linq;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>Text that HTML and XML cannot carry, dates at the calendar's edges and names longer
/// than a file system allows: each is a located diagnostic, never a crash.</summary>
public class HostileTextTests
{
    private static readonly char[] Invisible = ['\u0001', '\u000b', '\u001b', '\ufffe'];

    [Fact]
    public void Control_characters_in_every_field_become_spaces_with_a_warning_at_their_line_and_column()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\nauthors:\n  marie:\n    name: Marie\n");
        var article = string.Join('\n',
            "---",
            "title: Ti\u0001tre",
            "date: 2024-09-25T10:30:00+02:00",
            "summary: Ré\u000bsumé",
            "tags: [Ta\u001bg]",
            "category: Caté\ufffegorie",
            "author: Ma\u0001rie",
            "---",
            "",
            "Un texte\u001b[31m rouge.",
            "");
        site.Write("content/posts/a.md", article);

        var result = site.BuildSuccessfully();

        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.ControlCharacter).Select(d => (d.Location.Line, d.Location.Column, d.Severity)).ToList();
        Assert.Equal([(2, 10, Severity.Warning), (4, 12, Severity.Warning), (5, 10, Severity.Warning), (6, 15, Severity.Warning), (7, 11, Severity.Warning), (10, 9, Severity.Warning)], warnings);
        foreach (var file in site.OutputFiles())
        {
            Assert.True(site.ReadOutput(file).IndexOfAny(Invisible) < 0, $"{file} holds an invisible character");
        }

        foreach (var feed in site.OutputFiles("*.xml"))
        {
            XDocument.Parse(site.ReadOutput(feed)); // well-formed XML
        }

        Assert.Equal("Ti tre", site.ParseOutput("2024/09/a/index.html").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Control_character_written_as_a_yaml_escape_is_an_error_at_its_value()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", "---\ntitle: \"Ti\\x1btre\"\ndate: 2024-09-25\n---\n");

        var result = site.Build();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.ControlCharacter, Severity.Error, new SourceLocation("content/posts/a.md", 2, 8)), (error.Code, error.Severity, error.Location));
        Assert.Contains("U+001B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_references_to_control_characters_in_markdown_never_reach_the_output()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(body: "Un &#x1b; deux &#1; trois &#xFFFE; quatre &#0;"));

        site.BuildSuccessfully();

        foreach (var file in site.OutputFiles())
        {
            Assert.True(site.ReadOutput(file).IndexOfAny([.. Invisible, '\0']) < 0, $"{file} holds an invisible character");
        }

        XDocument.Parse(site.ReadOutput("feed.xml"));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-01T00:00:00+02:00")]
    [InlineData("9999-12-31T23:59:59-05:00")]
    public void Date_at_the_edge_of_the_calendar_is_a_wrong_type_at_its_line(string date)
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", $"---\ntitle: T\ndate: {date}\n---\n");

        var result = site.Build();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.YamlWrongType, new SourceLocation("content/posts/a.md", 3, 7)), (error.Code, error.Location));
    }

    [Fact]
    public void Slug_tag_and_file_name_longer_than_a_file_system_allows_make_shortened_urls()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("Intelligence artificielle", 20));
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.Write("content/posts/a.md", TestSite.Article(extra: $"tags: [\"{longTitle}\"]\nslug: {new string('x', 400)}\n"));
        site.Write($"content/posts/{string.Join('_', Enumerable.Repeat("intelligence artificielle", 9))}.md", TestSite.Article());

        site.BuildSuccessfully();

        var pages = site.OutputFiles("index.html").ToList();
        Assert.Contains($"2024/09/{new string('x', 120)}/index.html", pages);
        Assert.Contains($"2024/09/{string.Join('-', Enumerable.Repeat("intelligence-artificielle", 4))}-intelligence/index.html", pages); // cut between words
        Assert.Contains(pages, p => p.StartsWith("tags/intelligence-artificielle-", StringComparison.Ordinal));
        Assert.All(pages, p => Assert.All(p.Split('/'), segment => Assert.True(segment.Length <= 120, segment)));
    }
}
