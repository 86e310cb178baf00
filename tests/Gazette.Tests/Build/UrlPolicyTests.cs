using System.Text.RegularExpressions;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>No URL from content runs script, whatever field it sits in: one payload list goes
/// through every URL field, and the whole output (pages, feeds, sitemaps) is searched for it.</summary>
public partial class UrlPolicyTests
{
    /// <summary>Script URLs as attackers write them. Each is written in YAML double quotes
    /// (<c>\t</c> is a tab there) and in Markdown (where <c>&amp;#x09;</c> is a tab).</summary>
    public static TheoryData<string> Payloads() =>
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "java\\tscript:alert(1)",
        "java&#x09;script:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "\\x01javascript:alert(1)",
    ];

    /// <summary>What a browser would run, in a value already decoded from its character references:
    /// the scheme with tabs and line breaks anywhere, in any case. Written for this test, apart from the engine's rule.</summary>
    [GeneratedRegex(@"(?i)j[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i[\t\n\r]*p[\t\n\r]*t[\t\n\r]*:|vbscript:|data:text/html")]
    private static partial Regex Runnable();

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Script_url_in_a_front_matter_or_site_field_is_an_error_at_its_value(string payload)
    {
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.WriteBytes("content/posts/a/photo.png", TestImages.Png(40, 30));
        site.Write("content/posts/a/index.md", string.Join('\n',
            "---",
            "title: A",
            "date: 2024-09-25T10:30:00+02:00",
            "image:",
            "  src: photo.png",
            "  alt: Une photo",
            "  credit: Jane",
            $"  credit_url: \"{payload}\"",
            $"sources: [{{ name: Le Monde, url: \"{payload}\" }}]",
            "---",
            "",
            "Texte.",
            ""));
        using var menuSite = new TestSite($"-- site.yml --\ntitle: Test\nmenu:\n  - title: Menu\n    url: \"{payload}\"\n");
        menuSite.Write("content/posts/a.md", TestSite.Article());

        var result = site.Build();
        var menuResult = menuSite.Build();

        var refused = result.Diagnostics.Concat(menuResult.Diagnostics).Where(d => d.Code == DiagnosticCodes.UnsafeMarkup)
            .Select(d => (d.Severity, d.Location.Path, d.Location.Line, d.Location.Column)).ToList();
        if (payload.StartsWith("java&#x09;", StringComparison.Ordinal))
        {
            // In YAML "&#x09;" is five characters, not a tab: a relative URL, escaped as text wherever it goes.
            Assert.Empty(refused);
            Assert.True(result.Succeeded && menuResult.Succeeded);
            AssertNothingRunnable(site);
            AssertNothingRunnable(menuSite);
            return;
        }

        Assert.Equal(
            [
                (Severity.Error, "content/posts/a/index.md", 8, 15),
                (Severity.Error, "content/posts/a/index.md", 9, 34),
                (Severity.Error, "site.yml", 4, 10),
            ],
            refused.Order());
        Assert.False(Directory.Exists(site.OutputDirectory));
        Assert.False(Directory.Exists(menuSite.OutputDirectory));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Script_url_in_markdown_is_dropped_with_a_warning_wherever_it_is_written(string markdownPayload)
    {
        var payload = markdownPayload.Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\x01", "", StringComparison.Ordinal).Trim();
        var inYaml = payload.Replace("\t", "\\t", StringComparison.Ordinal);
        using var site = new TestSite("-- site.yml --\ntitle: Test\n");
        site.WriteBytes("content/posts/a/photo.png", TestImages.Png(40, 30));
        site.WriteBytes("content/posts/a/inline.png", TestImages.Png(40, 30));
        site.Write("content/posts/a/index.md", string.Join('\n',
            "---",
            "title: A",
            "date: 2024-09-25T10:30:00+02:00",
            "image:",
            "  src: photo.png",
            "  alt: Une photo",
            $"  caption: \"Vue [du ciel]({inYaml})\"",
            $"  credit: \"[Jane]({inYaml})\"",
            "---",
            "",
            $"Un [lien]({payload}) et <{payload}>.",
            "",
            $"![Une photo](inline.png \"Légende [là]({payload}) © [J]({payload})\")",
            "",
            $"[ref]: {payload}",
            "",
            "Et [une référence][ref].",
            ""));

        var result = site.BuildSuccessfully();

        var warned = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnsafeMarkup).Select(d => d.Location.Line).Distinct().Order().ToList();
        if (payload.Contains('\t', StringComparison.Ordinal))
        {
            Assert.Empty(warned); // a tab cannot stand in a link target: no link is made, the text stays text
        }
        else
        {
            // The cover's caption and credit (reported at its src), the body's link and autolink,
            // the figure's title (where Markdown decodes "&#x09;" into a tab, again no link), the reference.
            Assert.Equal(payload.Contains('&', StringComparison.Ordinal) ? [5, 11, 17] : [5, 11, 13, 17], warned);
        }

        AssertNothingRunnable(site);
        var page = site.ParseOutput("2024/09/a/index.html");
        Assert.Contains(payload.Contains('\t', StringComparison.Ordinal) ? "Un [lien](java" : "Un lien et", page.QuerySelector(".article__body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jane", page.QuerySelector("figure figcaption")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/a")]
    [InlineData("mailto:redaction@example.com")]
    [InlineData("tel:+33102030405")]
    [InlineData("/about/")]
    [InlineData("../autre/")]
    [InlineData("#section")]
    public void Web_urls_pass_in_every_field(string url)
    {
        using var site = new TestSite($"-- site.yml --\ntitle: Test\nmenu:\n  - title: Menu\n    url: \"{url}\"\n");
        site.Write("content/posts/a.md", TestSite.Article(extra: $"sources: [{{ name: Le Monde, url: \"{url}\" }}]\n", body: $"Un [lien]({url})."));

        var result = site.BuildSuccessfully();

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.UnsafeMarkup);
    }

    /// <summary>Every URL of the output, where a browser or a feed reader would follow it: every
    /// attribute of every page, the structured data, and in feeds every attribute, link element
    /// and the HTML they carry.</summary>
    private static void AssertNothingRunnable(TestSite site)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        void CheckHtml(string file, string html)
        {
            var document = parser.ParseDocument(html);
            foreach (var element in document.All)
            {
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(Runnable().IsMatch(attribute.Value), $"{file}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }

            foreach (var data in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                Assert.False(Runnable().IsMatch(data.TextContent), $"{file}: structured data {data.TextContent}");
            }
        }

        foreach (var file in site.OutputFiles())
        {
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                CheckHtml(file, site.ReadOutput(file));
            }
            else if (file.EndsWith(".xml", StringComparison.Ordinal))
            {
                foreach (var element in System.Xml.Linq.XDocument.Parse(site.ReadOutput(file)).Descendants())
                {
                    foreach (var attribute in element.Attributes())
                    {
                        Assert.False(Runnable().IsMatch(attribute.Value), $"{file}: {element.Name} {attribute.Name}=\"{attribute.Value}\"");
                    }

                    if (element.Name.LocalName is "link" or "guid" or "uri" or "id" or "loc" or "url")
                    {
                        Assert.False(Runnable().IsMatch(element.Value), $"{file}: {element}");
                    }
                    else if (element.Name.LocalName is "encoded" or "content" or "description" or "summary")
                    {
                        CheckHtml(file, element.Value);
                    }
                }
            }
        }
    }
}
