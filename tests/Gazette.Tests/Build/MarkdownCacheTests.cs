using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>
/// The bodies of the build cache (<c>.gazette/cache/markdown/</c>): an article whose Markdown and
/// images are as an earlier build saw them is not parsed again, and its page, figures, videos and
/// warnings are those a build without the cache makes. The site's layouts print what is asserted.
/// </summary>
public class MarkdownCacheTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private const string Files = """
        -- site.yml --
        title: Corps
        base_url: https://example.org/
        minify: false
        -- layouts/baseof.html --
        {{ content }}
        -- layouts/article.html --
        <main>{{ page.content_html }}</main><p>{{ page.reading_minutes }} min</p>{{ for h in page.headings }}<p>toc {{ h.id }}</p>{{ end }}
        -- layouts/partials/figure.html --
        [figure {{ model.url }} {{ model.width }}x{{ model.height }} «{{ model.caption_text }}» «{{ model.credit_text }}» {{ model.srcset }}]
        -- layouts/partials/video.html --
        [video {{ model.host }} «{{ model.title }}» {{ model.poster?.url }}]
        -- content/posts/photos/index.md --
        ---
        title: Des photos
        date: 2024-09-01T10:00:00+02:00
        ---
        ## Le contexte

        Un texte avec une image ![petite](icone.png) dans la phrase, et du HTML <img src="icone.png" alt="brute"> <script>x()</script>.

        ![La salle](salle.png "La salle des serveurs © Rokas Tenys / Shutterstock")

        ![Sans crédit](salle.png "Une légende seule")

        [![Affiche](salle.png "© Studio")](https://www.youtube.com/watch?v=dQw4w9WgXcQ)
        -- content/posts/texte.md --
        ---
        title: Du texte
        date: 2024-09-02T10:00:00+02:00
        ---
        Rien que du texte, « entre guillemets ».
        """;

    private static BuildResult Build(TestSite site, Func<BuildOptions, BuildOptions>? configure = null)
    {
        var options = new BuildOptions { SourceDirectory = site.Directory, Minify = false, Now = Now, Cache = true };
        var result = SiteBuilder.Build(configure is null ? options : configure(options));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static TestSite Site()
    {
        var site = new TestSite(Files);
        site.WriteBytes("content/posts/photos/salle.png", TestImages.Png(1200, 675));
        site.WriteBytes("content/posts/photos/icone.png", TestImages.Png(64, 64));
        return site;
    }

    private static string[] Codes(BuildResult result) => [.. result.Diagnostics.Select(d => $"{d.Location} {d.Code}").Order(StringComparer.Ordinal)];

    [Fact]
    public void A_body_from_the_cache_gives_the_page_and_the_warnings_of_the_body_rendered()
    {
        using var site = Site();
        var first = Build(site);
        Assert.Equal(0, first.CachedBodies);
        // The photo without a credit and the script left out are warned of, at their lines.
        Assert.Contains(first.Diagnostics, d => d.Code == DiagnosticCodes.PhotoWithoutCredit && d.Location.Line == 11);
        Assert.Contains(first.Diagnostics, d => d.Code == DiagnosticCodes.UnsafeMarkup && d.Location.Line == 7);
        var page = site.ReadOutput("2024/09/photos/index.html");

        var again = Build(site);
        Assert.Equal(2, again.CachedBodies);
        Assert.Equal(Codes(first), Codes(again));
        Assert.Equal(page, site.ReadOutput("2024/09/photos/index.html"));
        Assert.Contains("«La salle des serveurs» «Rokas Tenys / Shutterstock»", page, StringComparison.Ordinal);
        Assert.Contains("[video YouTube «Affiche» /2024/09/photos/salle", page, StringComparison.Ordinal);
        Assert.Contains("toc le-contexte", page, StringComparison.Ordinal);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);

        // The cached build published the photos too: a build into an empty folder from the cache writes them.
        var elsewhere = site.Directory + "-elsewhere";
        try
        {
            var copy = Build(site, o => o with { OutputDirectory = elsewhere });
            Assert.Equal(2, copy.CachedBodies);
            Assert.True(File.Exists(Path.Combine(elsewhere, "2024/09/photos/salle.png")));
            Assert.Equal(page, File.ReadAllText(Path.Combine(elsewhere, "2024/09/photos/index.html")));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void An_edited_article_and_a_photo_of_another_size_have_their_bodies_rendered_again()
    {
        using var site = Site();
        Build(site);

        site.Write("content/posts/texte.md", "---\ntitle: Du texte\ndate: 2024-09-02T10:00:00+02:00\n---\nUn autre texte.\n");
        var edited = Build(site);
        Assert.Equal(1, edited.CachedBodies);
        Assert.Contains("Un autre texte.", site.ReadOutput("2024/09/texte/index.html"), StringComparison.Ordinal);

        // The same Markdown, but its photo is now 800 wide: its figures and its HTML say so.
        site.WriteBytes("content/posts/photos/salle.png", TestImages.Png(800, 450));
        var photo = Build(site);
        Assert.Equal(1, photo.CachedBodies);
        Assert.Contains("800x450", site.ReadOutput("2024/09/photos/index.html"), StringComparison.Ordinal);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);

        // A photo gone is the error it is without the cache.
        File.Delete(Path.Combine(site.Directory, "content/posts/photos/icone.png"));
        var gone = SiteBuilder.Build(new BuildOptions { SourceDirectory = site.Directory, Minify = false, Now = Now, Cache = true });
        // Both its uses, the Markdown image and the raw HTML one, at their line.
        Assert.Equal([("content/posts/photos/index.md", 7, DiagnosticCodes.ImageMissing), ("content/posts/photos/index.md", 7, DiagnosticCodes.ImageMissing)],
            gone.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => (d.Location.Path, d.Location.Line, d.Code)));
    }

    [Fact]
    public void A_site_copied_to_another_folder_keeps_its_bodies()
    {
        using var site = Site();
        Build(site);
        var copy = site.Directory + "-copy";
        try
        {
            foreach (var file in Directory.EnumerateFiles(site.Directory, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(site.Directory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var moved = SiteBuilder.Build(new BuildOptions { SourceDirectory = copy, Minify = false, Now = Now, Cache = true });
            Assert.True(moved.Succeeded, string.Join("\n", moved.Diagnostics));
            Assert.Equal(2, moved.CachedBodies);
            Assert.Equal(site.ReadOutput("2024/09/photos/index.html"), File.ReadAllText(Path.Combine(copy, "_site/2024/09/photos/index.html")));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    public static TheoryData<string> EveryBodyChanges => ["translation", "base URL", "site.yml"];

    [Theory]
    [MemberData(nameof(EveryBodyChanges))]
    public void What_can_change_every_body_renders_every_body(string change)
    {
        using var site = Site();
        Build(site);
        Func<BuildOptions, BuildOptions>? configure = null;
        switch (change)
        {
            case "translation":
                site.Write("i18n/fr.yml", "section_link: \"Aller à : {title}\"\n");
                break;
            case "base URL":
                configure = o => o with { BaseUrl = "https://example.org/journal/" };
                break;
            default:
                site.Write("site.yml", "title: Corps\nbase_url: https://example.org/\nminify: false\nmarkdown:\n  heading_ids: github\n");
                break;
        }

        var result = Build(site, configure);
        Assert.Equal(0, result.CachedBodies);
        var again = Build(site, configure);
        Assert.Equal(2, again.CachedBodies);
    }

    public static TheoryData<string> Damages => ["random bytes", "truncated", "flipped byte"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_body_cache_is_one_warning_and_every_body_rendered(string damage)
    {
        using var site = Site();
        var first = Build(site);
        // Every file of it (the bodies are spread over files by key).
        var files = Directory.GetFiles(Path.Combine(site.Directory, ".gazette", "cache", "markdown"), "*.cache");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            switch (damage)
            {
                case "random bytes":
                    new Random(7).NextBytes(bytes);
                    File.WriteAllBytes(file, bytes);
                    break;
                case "truncated":
                    File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                    break;
                default:
                    bytes[^10] ^= 0x40;
                    File.WriteAllBytes(file, bytes);
                    break;
            }
        }

        var damaged = Build(site);
        Assert.Equal(0, damaged.CachedBodies);
        var warning = Assert.Single(damaged.Diagnostics, d => d.Code == DiagnosticCodes.BuildCacheUnusable);
        Assert.StartsWith(".gazette/cache/markdown/bodies-", warning.Location.Path, StringComparison.Ordinal);
        Assert.Equal(Codes(first), Codes(damaged).Where(c => !c.Contains(DiagnosticCodes.BuildCacheUnusable, StringComparison.Ordinal)));
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);

        var next = Build(site);
        Assert.Equal(2, next.CachedBodies);
        Assert.DoesNotContain(next.Diagnostics, d => d.Code == DiagnosticCodes.BuildCacheUnusable);
    }

    [Fact]
    public void Clean_forgets_the_bodies_and_without_the_cache_none_is_used()
    {
        using var site = Site();
        Build(site);
        Assert.Equal(0, Build(site, o => o with { Cache = false }).CachedBodies);
        // What a killed build left beside a file of the cache goes too; a file of someone else's stays.
        var folder = Path.Combine(site.Directory, ".gazette", "cache", "markdown");
        File.WriteAllText(Path.Combine(folder, "bodies-0a.cache.0123456789abcdef0123456789abcdef.tmp"), "à moitié");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "à garder");
        Assert.DoesNotContain(SiteCleaner.Clean(site.Directory, null), d => d.Severity == Severity.Error);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));

        File.Delete(Path.Combine(folder, "notes.txt"));
        Build(site);
        Assert.DoesNotContain(SiteCleaner.Clean(site.Directory, null), d => d.Severity == Severity.Error);
        Assert.False(Directory.Exists(folder));
        Assert.Equal(0, Build(site).CachedBodies);
    }
}
