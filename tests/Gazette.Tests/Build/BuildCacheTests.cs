using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>
/// The build cache (<c>.gazette/cache/pages/</c>): a build renders again only the pages whose
/// inputs changed, leaves the other files untouched, and its output is always what a build
/// without the cache writes. What can change every page renders every page; a cache that cannot
/// be trusted is one warning. The edits of every kind are in <c>RandomEditTests</c>.
/// </summary>
public class BuildCacheTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    // A minimal theme that prints what the tests look at: each article page its title, its
    // neighbour's title and the site's count; the home page the titles it lists.
    private const string Files = """
        -- site.yml --
        title: Cache
        base_url: https://example.org/
        minify: false
        pagination: 2
        -- themes/default/i18n/fr.yml --
        not_found_title: Introuvable
        months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]
        month_format: "{month} {year}"
        -- themes/default/layouts/baseof.html --
        <!doctype html><html lang="fr"><head><title>{{ page.title }}</title></head><body>{{ content }}</body></html>
        -- themes/default/layouts/article.html --
        <h1>{{ page.title }}</h1>{{ page.content_html }}<p>avant : {{ page.previous?.title }}</p><p>{{ site.articles.size }} articles</p>
        -- themes/default/layouts/page.html --
        <h1>{{ page.title }}</h1>{{ page.content_html }}
        -- themes/default/layouts/list.html --
        <ul>{{ for a in paginator.items }}<li>{{ a.title }}</li>{{ end }}</ul>
        -- themes/default/layouts/404.html --
        <p>{{ "not_found_title" | t }}</p>
        -- content/posts/a.md --
        ---
        title: Premier
        date: 2024-09-01T10:00:00+02:00
        tags: [rust]
        ---
        Texte A.
        -- content/posts/b.md --
        ---
        title: Deuxième
        date: 2024-09-02T10:00:00+02:00
        tags: [go]
        ---
        Texte B.
        -- content/posts/c.md --
        ---
        title: Troisième
        date: 2024-09-03T10:00:00+02:00
        tags: [go]
        ---
        Texte C.
        -- content/posts/d.md --
        ---
        title: Quatrième
        date: 2024-09-04T10:00:00+02:00
        tags: [python]
        ---
        Texte D.
        -- content/posts/e.md --
        ---
        title: Cinquième
        date: 2024-09-05T10:00:00+02:00
        tags: [python]
        ---
        Texte E.
        """;

    private static BuildResult Build(TestSite site, Func<BuildOptions, BuildOptions>? configure = null)
    {
        var options = new BuildOptions { SourceDirectory = site.Directory, Minify = false, Now = Now, Cache = true };
        var result = SiteBuilder.Build(configure is null ? options : configure(options));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static string CacheFile(TestSite site) =>
        Assert.Single(Directory.GetFiles(Path.Combine(site.Directory, ".gazette", "cache", "pages"), "*.cache"));

    [Fact]
    public void An_edited_article_renders_its_page_and_those_showing_what_changed_and_no_other()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        var first = Build(site);
        Assert.Equal(0, first.KeptPages);
        var untouched = File.GetLastWriteTimeUtc(Path.Combine(site.OutputDirectory, "2024/09/a/index.html"));

        // The text of C is read by its own page only.
        site.Write("content/posts/c.md", "---\ntitle: Troisième\ndate: 2024-09-03T10:00:00+02:00\ntags: [go]\n---\nTexte C, relu.\n");
        var text = Build(site);
        Assert.Equal(["2024/09/c/index.html"], text.RenderedPages);

        // Its title is read by its page, by D's ("avant : Troisième") and by the lists showing it.
        site.Write("content/posts/c.md", "---\ntitle: Trois\ndate: 2024-09-03T10:00:00+02:00\ntags: [go]\n---\nTexte C, relu.\n");
        var title = Build(site);
        Assert.Contains("2024/09/c/index.html", title.RenderedPages);
        Assert.Contains("2024/09/d/index.html", title.RenderedPages);
        Assert.Contains("tags/go/index.html", title.RenderedPages);
        Assert.DoesNotContain("2024/09/a/index.html", title.RenderedPages);
        Assert.DoesNotContain("tags/rust/index.html", title.RenderedPages);
        Assert.Contains("<p>avant : Trois</p>", site.ReadOutput("2024/09/d/index.html"), StringComparison.Ordinal);
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(Path.Combine(site.OutputDirectory, "2024/09/a/index.html")));
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
    }

    [Fact]
    public void A_page_showing_only_the_articles_json_ld_renders_again_when_a_member_only_the_json_ld_shows_changes()
    {
        using var site = new TestSite(Files.Replace("<h1>{{ page.title }}</h1>{{ page.content_html }}\n",
            "{{ for a in site.articles }}{{ a.json_ld }}{{ end }}\n", StringComparison.Ordinal), withDefaultTheme: false);
        site.Write("content/about.md", "---\ntitle: À propos\n---\nRien.\n");
        Build(site);
        // Rendered again with the previous build's digests at hand: its record is made from them.
        site.Write("content/about.md", "---\ntitle: À propos de nous\n---\nRien.\n");
        Assert.Contains("about/index.html", Build(site).RenderedPages);

        // The summary is the JSON-LD's description; no page reads it otherwise.
        site.Write("content/posts/c.md", "---\ntitle: Troisième\ndate: 2024-09-03T10:00:00+02:00\ntags: [go]\nsummary: Un résumé neuf\n---\nTexte C.\n");
        var result = Build(site);
        Assert.Contains("about/index.html", result.RenderedPages);
        Assert.Contains("Un résumé neuf", site.ReadOutput("about/index.html"), StringComparison.Ordinal);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
    }

    [Fact]
    public void A_list_page_showing_only_its_json_ld_renders_again_when_what_only_the_json_ld_shows_changes()
    {
        // The lists print their JSON-LD and nothing else: the listed articles' URLs and a taxonomy
        // index's terms are seen by no other member the page reads.
        using var site = new TestSite(Files.Replace("<ul>{{ for a in paginator.items }}<li>{{ a.title }}</li>{{ end }}</ul>\n",
            "{{ page.json_ld }}\n", StringComparison.Ordinal), withDefaultTheme: false);
        site.Write("themes/default/layouts/terms.html", "{{ page.json_ld }}\n");
        Build(site);
        Assert.Empty(Build(site).RenderedPages);

        // D, on the home page, moves to another URL.
        site.Write("content/posts/d.md", "---\ntitle: Quatrième\nslug: quatre\ndate: 2024-09-04T10:00:00+02:00\ntags: [python]\n---\nTexte D.\n");
        var moved = Build(site);
        Assert.Contains("index.html", moved.RenderedPages);
        Assert.Contains("https://example.org/2024/09/quatre/", site.ReadOutput("index.html"), StringComparison.Ordinal);

        // E's tag is renamed: the index of the tags lists the new one.
        site.Write("content/posts/e.md", "---\ntitle: Cinquième\ndate: 2024-09-05T10:00:00+02:00\ntags: [java]\n---\nTexte E.\n");
        var renamed = Build(site);
        Assert.Contains("tags/index.html", renamed.RenderedPages);
        Assert.Contains("https://example.org/tags/java/", site.ReadOutput("tags/index.html"), StringComparison.Ordinal);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
    }

    [Fact]
    public void A_new_article_and_a_deleted_one_leave_the_output_a_build_without_the_cache_writes()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        Build(site);
        site.Write("content/posts/f.md", "---\ntitle: Sixième\ndate: 2024-09-06T10:00:00+02:00\ntags: [zig]\n---\nTexte F.\n");
        File.Delete(Path.Combine(site.Directory, "content/posts/a.md"));
        var result = Build(site);

        Assert.Contains("2024/09/f/index.html", result.RenderedPages);
        Assert.Contains("<p>5 articles</p>", site.ReadOutput("2024/09/f/index.html"), StringComparison.Ordinal);
        // The deleted article's page, its folder and its only tag's pages are gone.
        Assert.False(Directory.Exists(Path.Combine(site.OutputDirectory, "2024/09/a")));
        Assert.False(Directory.Exists(Path.Combine(site.OutputDirectory, "tags/rust")));
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
    }

    [Fact]
    public void A_link_to_a_heading_another_edit_renamed_is_reported_as_broken()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        site.Write("content/posts/a.md", "---\ntitle: Premier\ndate: 2024-09-01T10:00:00+02:00\ntags: [rust]\n---\nVoir [la suite](/2024/09/b/#la-suite).\n");
        site.Write("content/posts/b.md", "---\ntitle: Deuxième\ndate: 2024-09-02T10:00:00+02:00\ntags: [go]\n---\n## La suite\n\nTexte B.\n");
        Build(site);

        site.Write("content/posts/b.md", "---\ntitle: Deuxième\ndate: 2024-09-02T10:00:00+02:00\ntags: [go]\n---\n## Autre chose\n\nTexte B.\n");
        var result = Build(site);

        // A's page is kept as it was; the anchor it links to is looked for in B's new page.
        Assert.Contains("2024/09/b/index.html", result.RenderedPages);
        Assert.DoesNotContain("2024/09/a/index.html", result.RenderedPages);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.BrokenAnchor, warning.Code);
        Assert.Equal("content/posts/a.md", warning.Location.Path);
    }

    [Fact]
    public void A_kept_page_still_has_its_links_checked_against_this_builds_files_and_pages()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        site.Write("content/files/guide.txt", "Le guide.");
        // A page whose layout reads nothing of the other articles: an article's deletion leaves it as it is.
        site.Write("content/about.md", "---\ntitle: À propos\n---\n"
            + "Voir [le guide](/files/guide.txt), [le deuxième](/2024/09/b/) et [plus bas](#nulle-part).\n");
        var first = Build(site);
        Assert.Equal([DiagnosticCodes.BrokenAnchor], first.Diagnostics.Select(d => d.Code));

        // Nothing changed: A's page is kept, and its broken anchor is reported again.
        var again = Build(site);
        Assert.Empty(again.RenderedPages);
        Assert.Equal([DiagnosticCodes.BrokenAnchor], again.Diagnostics.Select(d => d.Code));

        // The file it links to is gone: the page is kept, the link is reported.
        File.Delete(Path.Combine(site.Directory, "content/files/guide.txt"));
        var noFile = Build(site);
        Assert.True(noFile.KeptPages > 0);
        Assert.DoesNotContain("about/index.html", noFile.RenderedPages);
        Assert.Contains(noFile.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink && d.Message.Contains("/files/guide.txt", StringComparison.Ordinal));

        // The article it links to is gone: a link to a page was settled when the page was written,
        // so the kept page's file is read again for its links.
        File.Delete(Path.Combine(site.Directory, "content/posts/b.md"));
        var noPage = Build(site);
        Assert.True(noPage.KeptPages > 0);
        Assert.DoesNotContain("about/index.html", noPage.RenderedPages);
        Assert.Contains(noPage.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink && d.Message.Contains("/2024/09/b/", StringComparison.Ordinal));
        Assert.Contains(noPage.Diagnostics, d => d.Code == DiagnosticCodes.BrokenAnchor);
    }

    // Two editions (fr at the root, en under /en/): pages print their edition's title, their
    // translations' titles, and the lists their titles.
    private const string Bilingual = """
        -- site.yml --
        title: Le Fil
        base_url: https://example.org/
        minify: false
        languages:
          fr:
            name: Français
          en:
            title: The Wire
        -- layouts/baseof.html --
        {{ content }}
        -- layouts/article.html --
        {{ site.title }}|{{ page.title }}|{{ for v in page.translations }}{{ v.lang }}={{ v.title }};{{ end }}
        -- layouts/page.html --
        {{ site.title }}|{{ page.title }}
        -- layouts/list.html --
        {{ site.title }}|{{ for a in paginator.items }}{{ a.title }};{{ end }}
        -- content/posts/paris/index.md --
        ---
        title: Un bureau à Paris
        date: 2024-09-25T10:30:00+02:00
        ---
        Texte.
        -- content/posts/paris/index.en.md --
        ---
        title: An office in Paris
        slug: paris-office
        date: 2024-09-25T10:30:00+02:00
        ---
        Text.
        -- content/posts/solo.md --
        ---
        title: Seul en français
        date: 2024-09-20T10:30:00+02:00
        ---
        Texte.
        -- content/pages/about.md --
        ---
        title: About
        lang: en
        ---
        Text.
        """;

    [Fact]
    public void A_site_in_two_languages_keeps_the_pages_of_each_edition_that_did_not_change()
    {
        using var site = new TestSite(Bilingual);
        var first = Build(site);
        Assert.Equal(0, first.KeptPages);
        var again = Build(site);
        Assert.Empty(again.RenderedPages);

        // The English title is shown by its page, by its French translation's, and by the English lists.
        site.Write("content/posts/paris/index.en.md", "---\ntitle: A Paris office\nslug: paris-office\ndate: 2024-09-25T10:30:00+02:00\n---\nText.\n");
        var title = Build(site);
        Assert.Contains("en/2024/09/paris-office/index.html", title.RenderedPages);
        Assert.Contains("2024/09/paris/index.html", title.RenderedPages);
        Assert.Contains("en/index.html", title.RenderedPages);
        Assert.DoesNotContain("index.html", title.RenderedPages);
        Assert.DoesNotContain("2024/09/solo/index.html", title.RenderedPages);
        Assert.Equal("Le Fil|Un bureau à Paris|fr=Un bureau à Paris;en=A Paris office;", site.ReadOutput("2024/09/paris/index.html").Trim());
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);

        // A new English article enters the English lists; the English page that lists nothing, and
        // every French page, stay as they were.
        site.Write("content/posts/berlin.md", "---\ntitle: Berlin too\nlang: en\ndate: 2024-09-26T10:30:00+02:00\n---\nText.\n");
        var added = Build(site);
        Assert.Contains("en/2024/09/berlin/index.html", added.RenderedPages);
        Assert.Contains("en/index.html", added.RenderedPages);
        Assert.DoesNotContain("en/about/index.html", added.RenderedPages);
        Assert.DoesNotContain(added.RenderedPages, path => !path.StartsWith("en/", StringComparison.Ordinal));
        Assert.Equal("The Wire|Berlin too;A Paris office;", site.ReadOutput("en/index.html").Trim());
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
    }

    public static TheoryData<string> EverythingChanges => ["site.yml", "layout", "translation", "base URL", "drafts", "future", "minify"];

    [Theory]
    [MemberData(nameof(EverythingChanges))]
    public void What_can_change_every_page_renders_every_page(string change)
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        Build(site);
        Func<BuildOptions, BuildOptions>? options = null;
        switch (change)
        {
            case "site.yml":
                site.Write("site.yml", "title: Cache renommé\nbase_url: https://example.org/\nminify: false\npagination: 2\n");
                break;
            case "layout":
                site.Write("themes/default/layouts/baseof.html", "<!doctype html><html lang=\"fr\"><head><title>{{ page.title }} !</title></head><body>{{ content }}</body></html>\n");
                break;
            case "translation":
                site.Write("themes/default/i18n/fr.yml", "not_found_title: Rien ici\nmonths: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]\nmonth_format: \"{month} {year}\"\n");
                break;
            case "base URL":
                options = o => o with { BaseUrl = "https://example.org/journal/" };
                break;
            case "drafts":
                options = o => o with { IncludeDrafts = true };
                break;
            case "future":
                options = o => o with { IncludeFuture = true };
                break;
            default:
                options = o => o with { Minify = true };
                break;
        }

        var result = Build(site, options);

        Assert.Equal(0, result.KeptPages);
        if (change == "translation")
        {
            Assert.Contains("Rien ici", site.ReadOutput("404.html"), StringComparison.Ordinal);
        }

        // The same options, without the cache, into another folder: the same files.
        var clean = Path.Combine(site.Directory, "_clean");
        var plain = new BuildOptions { SourceDirectory = site.Directory, OutputDirectory = clean, Minify = false, Now = Now };
        Assert.True(SiteBuilder.Build(options is null ? plain : options(plain) with { OutputDirectory = clean }).Succeeded);
        Assert.Equal(OutputSnapshot.Of(clean), OutputSnapshot.Of(site.OutputDirectory));
    }

    [Fact]
    public void The_clock_passing_a_scheduled_date_publishes_the_article_and_lists_it()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        site.Write("content/posts/z.md", "---\ntitle: Programmé\ndate: 2025-01-02T08:00:00+01:00\n---\nPlus tard.\n");
        var before = Build(site);
        Assert.Equal("Programmé", before.NextScheduled?.Title);
        Assert.False(site.OutputExists("2025/01/z/index.html"));

        var later = Now.AddDays(2);
        var after = Build(site, o => o with { Now = later });

        Assert.True(after.KeptPages > 0);
        Assert.True(site.OutputExists("2025/01/z/index.html"));
        Assert.Contains("<li>Programmé</li>", site.ReadOutput("index.html"), StringComparison.Ordinal);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, later);
    }

    [Fact]
    public void A_page_file_changed_by_hand_is_written_again()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        Build(site);
        var page = Path.Combine(site.OutputDirectory, "2024/09/a/index.html");
        var written = File.ReadAllText(page);
        File.WriteAllText(page, "défiguré");

        var result = Build(site);

        Assert.Equal(["2024/09/a/index.html"], result.RenderedPages);
        Assert.Equal(written, File.ReadAllText(page));
    }

    public static TheoryData<string> Damages => ["random bytes", "truncated", "another version", "flipped byte", "empty"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_cache_is_one_warning_and_a_build_of_every_page(string damage)
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        Build(site);
        var file = CacheFile(site);
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "random bytes":
                new Random(7).NextBytes(bytes);
                break;
            case "truncated":
                bytes = bytes[..(bytes.Length / 2)];
                break;
            case "another version":
                bytes[8]++; // the format's version follows the 8-byte magic number
                break;
            case "flipped byte":
                bytes[^5] ^= 0x20;
                break;
            default:
                bytes = [];
                break;
        }

        File.WriteAllBytes(file, bytes);
        site.Write("content/posts/c.md", "---\ntitle: Trois\ndate: 2024-09-03T10:00:00+02:00\ntags: [go]\n---\nTexte C.\n");

        var result = Build(site);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.BuildCacheUnusable, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains(".gazette/cache/pages/", warning.Location.Path, StringComparison.Ordinal);
        Assert.Equal(0, result.KeptPages);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
        // The build wrote a sound cache: the next one uses it, without a word.
        var next = Build(site);
        Assert.Empty(next.Diagnostics);
        Assert.Empty(next.RenderedPages);
        Assert.True(next.KeptPages > 0);
    }

    [Fact]
    public void A_build_stopped_while_writing_leaves_no_cache_that_describes_its_output()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        Build(site);
        var file = CacheFile(site);
        // What a build killed between its commit and its cache leaves: the old cache deleted before
        // the commit, and a half-written temporary file beside it.
        File.WriteAllBytes(file + ".0123456789abcdef0123456789abcdef.tmp", File.ReadAllBytes(file)[..40]);
        File.Delete(file);

        var result = Build(site);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(0, result.KeptPages);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Without_the_cache_every_page_is_rendered_and_none_is_remembered()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        Build(site);
        var cache = Path.Combine(site.Directory, ".gazette", "cache", "pages");
        Directory.Delete(cache, recursive: true);

        var result = Build(site, o => o with { Cache = false });

        Assert.Equal(0, result.KeptPages);
        Assert.False(Directory.Exists(cache));
    }

    [Fact]
    public void A_template_reading_the_clock_has_no_page_kept()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        site.Write("themes/default/layouts/page.html", "<h1>{{ page.title }}</h1><p>{{ date.now.year }}</p>\n");
        Build(site);

        var again = Build(site);

        Assert.Equal(0, again.KeptPages);
        Assert.False(Directory.Exists(Path.Combine(site.Directory, ".gazette", "cache", "pages")));
    }

    [Fact]
    public void A_cache_folder_that_is_a_link_out_of_the_site_is_one_warning_and_nothing_is_written_there()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        // A folder of someone else's, in a temporary folder beside the site's.
        var theirs = site.Directory + "-theirs";
        Directory.CreateDirectory(theirs);
        File.WriteAllText(Path.Combine(theirs, "notes.txt"), "à garder");
        try
        {
            Directory.CreateDirectory(Path.Combine(site.Directory, ".gazette"));
            Directory.CreateSymbolicLink(Path.Combine(site.Directory, ".gazette", "cache"), theirs);
            Build(site);
            var second = Build(site);

            Assert.Equal(0, second.KeptPages);
            Assert.Equal(0, second.CachedBodies);
            var warning = Assert.Single(second.Diagnostics, d => d.Code == DiagnosticCodes.BuildCacheUnusable);
            Assert.Contains(".gazette/cache/pages, .gazette/cache/markdown", warning.Message, StringComparison.Ordinal);
            Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(theirs).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(theirs, recursive: true);
        }
    }

    [Fact]
    public void Clean_forgets_the_cache()
    {
        using var site = new TestSite(Files, withDefaultTheme: false);
        Build(site);
        Assert.True(File.Exists(CacheFile(site)));

        var diagnostics = SiteCleaner.Clean(site.Directory, null);

        Assert.Empty(diagnostics);
        Assert.False(Directory.Exists(Path.Combine(site.Directory, ".gazette")));
    }
}
