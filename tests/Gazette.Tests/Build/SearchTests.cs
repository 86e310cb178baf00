using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>
/// Search: after the build, Pagefind indexes the pages' <c>data-pagefind-body</c> into
/// <c>pagefind/</c>, per language; the theme gets a search page and <c>site.search_url</c>. These
/// tests run the real Pagefind that <c>npm ci</c> installs at the repository's root (.ci/run does);
/// without it they skip and say so. The site's layouts print only what is asserted.
/// </summary>
public class SearchTests
{
    private static readonly string? PagefindProgram = Pagefind.Find(TestSite.RepositoryRoot).Program;

    private static string Installed()
    {
        if (PagefindProgram is null)
        {
            Assert.Skip($"Pagefind is not installed: {Pagefind.Find(TestSite.RepositoryRoot).Why}; .ci/run installs it");
        }

        return PagefindProgram!;
    }

    private const string Site = """
        -- site.yml --
        title: Le Fil
        base_url: https://example.org/news/
        -- layouts/baseof.html --
        <!DOCTYPE html><html lang="{{ lang }}"><head><title>{{ page.title }}</title></head><body>{{ content }}</body></html>
        -- layouts/article.html --
        <nav>search={{ site.search_url }}</nav><article data-pagefind-body><h1>{{ page.title }}</h1>{{ page.content_html }}</article>
        -- layouts/list.html --
        search={{ site.search_url }}
        -- layouts/search.html --
        <h1>{{ page.title }}</h1>
        -- content/posts/paris.md --
        ---
        title: OpenAI ouvre un bureau à Paris
        date: 2024-09-25T10:30:00+02:00
        ---

        Le laboratoire s’installe dans la capitale.
        -- content/posts/pixel.md --
        ---
        title: Test du Pixel
        date: 2024-09-24T10:30:00+02:00
        lang: en
        ---

        The phone takes remarkable night photos.
        """;

    /// <summary>The words Pagefind indexed for each page, read from its fragments (gzip of
    /// "pagefind_dcd" then the page's JSON).</summary>
    private static Dictionary<string, string> IndexedPages(string output) =>
        Directory.EnumerateFiles(Path.Combine(output, "pagefind", "fragment")).Select(file =>
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            var json = JsonDocument.Parse(reader.ReadToEnd()["pagefind_dcd".Length..]).RootElement;
            return (Url: json.GetProperty("url").GetString()!, Content: json.GetProperty("content").GetString()!);
        }).ToDictionary(p => p.Url, p => p.Content);

    /// <summary>What the page's layout printed, inside the body baseof.html gives it.</summary>
    private static string Shown(TestSite site, string path)
    {
        var html = site.ReadOutput(path);
        var start = html.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        return html[start..html.IndexOf("</body>", StringComparison.Ordinal)].Trim();
    }

    [Fact]
    public void The_index_holds_each_articles_text_in_its_language_and_the_theme_gets_a_search_page()
    {
        var pagefind = Installed();
        using var site = new TestSite(Site);
        var result = site.BuildSuccessfully(o => o with { Pagefind = pagefind });

        Assert.Null(result.Search);
        Assert.Equal(0, result.WarningCount);
        var entry = JsonDocument.Parse(site.ReadOutput("pagefind/pagefind-entry.json")).RootElement.GetProperty("languages");
        Assert.Equal(1, entry.GetProperty("fr").GetProperty("page_count").GetInt32());
        Assert.Equal(1, entry.GetProperty("en").GetProperty("page_count").GetInt32());
        var pages = IndexedPages(site.OutputDirectory);
        Assert.Equal(["/2024/09/paris/", "/2024/09/pixel/"], pages.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Le laboratoire s’installe dans la capitale.", pages["/2024/09/paris/"], StringComparison.Ordinal);
        Assert.DoesNotContain("search=", pages["/2024/09/paris/"], StringComparison.Ordinal); // outside data-pagefind-body

        Assert.Equal("<h1>Recherche</h1>", Shown(site, "recherche/index.html"));
        Assert.Equal("search=/news/recherche/", Shown(site, "index.html"));
        Assert.DoesNotContain("recherche", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        // clean deletes what the build wrote: the index is in the manifest.
        var manifest = site.ReadOutput(".gazette-manifest").Split('\n');
        Assert.Contains("pagefind/pagefind-entry.json", manifest);
        Assert.All(Directory.EnumerateFiles(Path.Combine(site.OutputDirectory, "pagefind"), "*", SearchOption.AllDirectories),
            file => Assert.Contains(Path.GetRelativePath(site.OutputDirectory, file).Replace('\\', '/'), manifest));
    }

    [Fact]
    public void The_home_pages_website_offers_a_search_action_to_the_search_page()
    {
        var pagefind = Installed();
        using var site = new TestSite(Site.Replace("search={{ site.search_url }}\n", "{{ page.json_ld }}\n", StringComparison.Ordinal));
        site.BuildSuccessfully(o => o with { Pagefind = pagefind });

        var graph = JsonDocument.Parse(Shown(site, "index.html")).RootElement.GetProperty("@graph");
        var action = graph.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "WebSite").GetProperty("potentialAction");
        Assert.Equal("SearchAction", action.GetProperty("@type").GetString());
        Assert.Equal("https://example.org/news/recherche/?q={search_term_string}", action.GetProperty("target").GetProperty("urlTemplate").GetString());
        Assert.Equal("required name=search_term_string", action.GetProperty("query-input").GetString());
    }

    [Fact]
    public void Without_pagefind_the_build_says_once_that_search_is_off_and_why_and_succeeds_without_it()
    {
        using var site = new TestSite(Site);
        var result = site.BuildSuccessfully(o => o with { SearchUnavailable = "Pagefind is not installed" });

        Assert.Equal("search is off: Pagefind is not installed", result.Search);
        Assert.Equal(0, result.WarningCount);
        Assert.False(site.OutputExists("recherche/index.html"));
        Assert.False(Directory.Exists(Path.Combine(site.OutputDirectory, "pagefind")));
        Assert.Equal("search=", Shown(site, "index.html"));
    }

    [Fact]
    public void Site_yml_moves_the_search_page_or_turns_search_off()
    {
        var pagefind = Installed();
        using var moved = new TestSite(Site.Replace("base_url: https://example.org/news/\n", "base_url: https://example.org/news/\nsearch:\n  path: /chercher/\n", StringComparison.Ordinal));
        moved.BuildSuccessfully(o => o with { Pagefind = pagefind });
        Assert.True(moved.OutputExists("chercher/index.html"));
        Assert.Equal("search=/news/chercher/", Shown(moved, "index.html"));

        using var off = new TestSite(Site.Replace("base_url: https://example.org/news/\n", "base_url: https://example.org/news/\nsearch:\n  enabled: false\n", StringComparison.Ordinal));
        var result = off.BuildSuccessfully(o => o with { Pagefind = pagefind });
        Assert.Null(result.Search);
        Assert.False(Directory.Exists(Path.Combine(off.OutputDirectory, "pagefind")));
    }

    [Fact]
    public void A_bad_search_path_is_an_error_at_its_line()
    {
        using var site = new TestSite(Site.Replace("base_url: https://example.org/news/\n", "base_url: https://example.org/news/\nsearch:\n  path: /Re cherche/\n", StringComparison.Ordinal));
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Message.Contains("search.path", StringComparison.Ordinal));
        Assert.Equal(("site.yml", 4), (error.Location.Path, error.Location.Line));
        Assert.Contains("/recherche/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pagefind_that_fails_is_a_warning_naming_why_and_the_site_is_still_published()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("the failing program is a shell script");
        }

        using var site = new TestSite(Site);
        var failing = Path.Combine(site.Directory, "broken-pagefind");
        File.WriteAllText(failing, "#!/bin/sh\necho 'Error: out of cheese' >&2\nexit 3\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(failing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var result = site.BuildSuccessfully(o => o with { Pagefind = failing });

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("GZ0411", warning.Code);
        Assert.Contains("exit code 3", warning.Message, StringComparison.Ordinal);
        Assert.Contains("out of cheese", warning.Message, StringComparison.Ordinal);
        Assert.True(site.OutputExists("2024/09/paris/index.html"));
    }

    [Fact]
    public void Content_in_the_index_folder_is_an_error_naming_the_file_and_the_previous_site_stays()
    {
        var pagefind = Installed();
        using var site = new TestSite(Site);
        site.BuildSuccessfully(o => o with { Pagefind = pagefind });
        var before = OutputSnapshot.Of(site.OutputDirectory);
        site.Write("content/pagefind/notes.txt", "mine");

        var result = site.Build(o => o with { Pagefind = pagefind });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("pagefind/notes.txt", error.Location.Path);
        Assert.Contains("rename that folder", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, OutputSnapshot.Of(site.OutputDirectory));
    }

    [Fact]
    public void The_dev_servers_update_brings_the_index_up_to_date_as_a_full_build_writes_it()
    {
        var pagefind = Installed();
        using var site = new TestSite(Site);
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var session = new SiteSession(new BuildOptions { SourceDirectory = site.Directory, Minify = false, Now = now, Pagefind = pagefind });
        Assert.True(session.Build().Succeeded);

        site.Write("content/posts/paris.md", TestSite.Article(title: "OpenAI ouvre un bureau à Paris", date: "2024-09-25T10:30:00+02:00",
            body: "Le laboratoire recrute des chercheurs en apprentissage automatique."));
        var result = session.Update([Path.Combine(site.Directory, "content/posts/paris.md")]);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(result.Incremental);
        Assert.Contains("apprentissage automatique", IndexedPages(site.OutputDirectory)["/2024/09/paris/"], StringComparison.Ordinal);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, now, pagefind: pagefind);
    }

    [Fact]
    public void A_build_with_the_cache_indexes_the_changed_page_as_a_full_build_does()
    {
        var pagefind = Installed();
        using var site = new TestSite(Site);
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        site.BuildSuccessfully(o => o with { Pagefind = pagefind, Now = now, Cache = true });

        site.Write("content/posts/paris.md", TestSite.Article(title: "OpenAI ouvre un bureau à Paris", date: "2024-09-25T10:30:00+02:00",
            body: "Le laboratoire recrute des chercheurs en apprentissage automatique."));
        var result = site.BuildSuccessfully(o => o with { Pagefind = pagefind, Now = now, Cache = true });

        Assert.True(result.KeptPages > 0);
        Assert.Contains("apprentissage automatique", IndexedPages(site.OutputDirectory)["/2024/09/paris/"], StringComparison.Ordinal);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, now, pagefind: pagefind);
    }
}
