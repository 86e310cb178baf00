using System.Text.Json;
using System.Text.RegularExpressions;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Model;

/// <summary>
/// <c>authors: [a, b]</c>: an article written by several has each of them in its byline, on each
/// author's page, in both feeds and in its JSON-LD; <c>author:</c> stays the one-author form. The
/// site's layouts print exactly what is asserted.
/// </summary>
public class SeveralAuthorsTests
{
    private const string Site = """
        -- site.yml --
        title: T
        base_url: https://example.org/
        authors:
          alice:
            name: Alice Martin
          bob:
            name: Bob Stone
        -- layouts/baseof.html --
        {{ content }}
        -- layouts/article.html --
        by={{ for a in page.authors }}{{ a.name }}@{{ a.url }};{{ end }} first={{ page.author.name }} profile={{ page.author_profile.name }}
        -- layouts/list.html --
        {{ for a in paginator.items }}{{ a.title }};{{ end }}
        -- content/posts/duo.md --
        ---
        title: Duo
        date: 2024-09-25T10:30:00+02:00
        authors: [bob, alice]
        ---

        Texte.
        -- content/posts/solo.md --
        ---
        title: Solo
        date: 2024-09-24T10:30:00+02:00
        author: alice
        ---

        Texte.
        """;

    [Fact]
    public void Each_author_is_in_the_byline_in_order_and_on_their_own_page()
    {
        using var site = new TestSite(Site);
        site.BuildSuccessfully();

        Assert.Equal("by=Bob Stone@/authors/bob-stone/;Alice Martin@/authors/alice-martin/; first=Bob Stone profile=Bob Stone", site.ReadOutput("2024/09/duo/index.html").Trim());
        Assert.Equal("by=Alice Martin@/authors/alice-martin/; first=Alice Martin profile=Alice Martin", site.ReadOutput("2024/09/solo/index.html").Trim());
        Assert.Equal("Duo;Solo;", site.ReadOutput("authors/alice-martin/index.html").Trim());
        Assert.Equal("Duo;", site.ReadOutput("authors/bob-stone/index.html").Trim());
    }

    [Fact]
    public void Feeds_and_structured_data_name_every_author()
    {
        using var site = new TestSite(Site.Replace("by={{", "{{ page.json_ld }}\nby={{", StringComparison.Ordinal));
        site.BuildSuccessfully();

        var rss = site.ReadOutput("feed.xml");
        var duoItem = rss[rss.IndexOf("<title>Duo</title>", StringComparison.Ordinal)..];
        duoItem = duoItem[..duoItem.IndexOf("</item>", StringComparison.Ordinal)];
        Assert.Equal(["Bob Stone", "Alice Martin"], Regex.Matches(duoItem, "<dc:creator>(.*?)</dc:creator>").Select(m => m.Groups[1].Value));
        var atom = site.ReadOutput("atom.xml");
        var duoEntry = atom[atom.IndexOf("<title>Duo</title>", StringComparison.Ordinal)..];
        duoEntry = duoEntry[..duoEntry.IndexOf("</entry>", StringComparison.Ordinal)];
        Assert.Equal(["Bob Stone", "Alice Martin"], Regex.Matches(duoEntry, @"<author>\s*<name>(.*?)</name>").Select(m => m.Groups[1].Value));

        var page = site.ReadOutput("2024/09/duo/index.html");
        var json = page[page.IndexOf('{', StringComparison.Ordinal)..(page.LastIndexOf('}') + 1)];
        using var document = JsonDocument.Parse(json.Contains("</script>", StringComparison.Ordinal) ? json[..json.IndexOf("</script>", StringComparison.Ordinal)] : json);
        var authors = FindAuthor(document.RootElement);
        Assert.Equal(JsonValueKind.Array, authors.ValueKind);
        Assert.Equal(["Bob Stone", "Alice Martin"], authors.EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }

    [Fact]
    public void An_undeclared_author_in_a_list_is_named_at_its_line()
    {
        using var site = new TestSite(Site.Replace("authors: [bob, alice]", "authors: [bob, carol]", StringComparison.Ordinal));
        var result = site.BuildSuccessfully();

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.AuthorUndeclared);
        Assert.Equal(("content/posts/duo.md", 4), (warning.Location.Path.Replace('\\', '/'), warning.Location.Line));
        Assert.Contains("carol", warning.Message, StringComparison.Ordinal);
    }

    private static JsonElement FindAuthor(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "author")
                {
                    return property.Value;
                }

                if (FindAuthor(property.Value) is { ValueKind: not JsonValueKind.Undefined } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindAuthor(item) is { ValueKind: not JsonValueKind.Undefined } found)
                {
                    return found;
                }
            }
        }

        return default;
    }

    [Fact]
    public void An_undeclared_authors_byline_leads_to_a_page_with_their_name_and_their_articles()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: T
            -- content/posts/a.md --
            ---
            title: Le scoop
            date: 2024-09-25T10:30:00+02:00
            author: Jean Dupont
            ---

            Texte.
            """);
        site.BuildSuccessfully();

        var byline = site.ParseOutput("2024/09/a/index.html").QuerySelector(".byline a[rel=author]")!;
        Assert.Equal(("Jean Dupont", "/authors/jean-dupont/"), (byline.TextContent, byline.GetAttribute("href")));
        var page = site.ParseOutput("authors/jean-dupont/index.html");
        Assert.Equal("Jean Dupont", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(["Le scoop"], page.QuerySelectorAll("main .card__title").Select(t => t.TextContent.Trim()));
    }
}
