using Gazette.Tests.Support;
using Gazette.Text;

namespace Gazette.Tests.Build;

/// <summary>
/// Past a budget, the bodies and cached cards a build keeps go to a temporary file and are read
/// back when a page prints them (<see cref="HtmlSpill"/>): the pages are byte for byte those of a
/// build that kept everything in memory, with and without the build cache of bodies.
/// </summary>
public class HtmlSpillTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    // The body is long enough to be kept as UTF-8 (short pieces stay strings), and cut by a figure.
    private static string Body(int n) => string.Join("\n\n",
        Enumerable.Range(0, 6).Select(p => $"Paragraphe {p} de l’article {n}, « entre guillemets », écrit assez long pour dépasser quelques centaines d’octets : "
            + string.Concat(Enumerable.Repeat($"la phrase {n}.{p} se répète. ", 8))))
        .Insert(300, "\n\n![Une salle](salle.png \"La salle © Rokas Tenys / Shutterstock\")\n\n");

    private static TestSite Site()
    {
        var files = """
            -- site.yml --
            title: Débord
            base_url: https://example.org/
            minify: false
            -- layouts/baseof.html --
            {{ content }}
            -- layouts/article.html --
            <main>{{ page.content_html }}</main><aside>{{ partial_cached "card" page }}</aside>
            -- layouts/list.html --
            {{ for article in paginator.items }}{{ partial_cached "card" article }}{{ end }}
            -- layouts/partials/card.html --
            <article><h2>{{ model.title }}</h2><p>{{ model.word_count }} mots</p></article>
            -- layouts/partials/figure.html --
            [figure {{ model.url }} «{{ model.credit_text }}»]

            """;
        var site = new TestSite(files);
        for (var n = 1; n <= 5; n++)
        {
            site.Write($"content/posts/a{n}/index.md", TestSite.Article($"Article {n}", $"2024-09-0{n}T10:00:00+02:00", body: Body(n)));
            site.WriteBytes($"content/posts/a{n}/salle.png", TestImages.Png(320, 180));
        }

        return site;
    }

    private static BuildResult Build(TestSite site, string output, long inMemory, bool cache = false)
    {
        var result = site.BuildSuccessfully(o => o with
        {
            OutputDirectory = Path.Combine(site.Directory, output),
            Now = Now,
            Cache = cache,
            HtmlInMemory = inMemory,
        });
        return result;
    }

    private static Dictionary<string, string> Files(TestSite site, string output)
    {
        var root = Path.Combine(site.Directory, output);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);
    }

    [Fact]
    public void Pages_printing_spilled_bodies_and_cards_are_those_of_a_build_in_memory()
    {
        using var site = Site();
        var spilled = Build(site, "spilled", inMemory: 0);
        var inMemory = Build(site, "memory", inMemory: BuildOptions.DefaultHtmlInMemory);

        Assert.True(spilled.SpilledHtmlBytes > 5 * 1000, $"{spilled.SpilledHtmlBytes} bytes spilled");
        Assert.Equal(0, inMemory.SpilledHtmlBytes);
        var page = File.ReadAllText(Path.Combine(site.Directory, "spilled", "2024", "09", "a3", "index.html"));
        // The typography ties a number to the word after it.
        Assert.Contains("la phrase 3.5\u00A0se répète.", page, StringComparison.Ordinal);
        Assert.Contains("[figure /2024/09/a3/salle.png «Rokas Tenys / Shutterstock»]", page, StringComparison.Ordinal);
        Assert.Contains("<aside><article><h2>Article 3</h2>", page, StringComparison.Ordinal);
        Assert.Equal(Files(site, "memory"), Files(site, "spilled"));
    }

    [Fact]
    public void Bodies_spilled_by_one_build_are_cached_whole_for_the_next()
    {
        using var site = Site();
        var clean = Build(site, "clean", inMemory: BuildOptions.DefaultHtmlInMemory);
        // The first build with the cache spills every body, and the cache saves them from the file.
        var first = Build(site, "cached", inMemory: 0, cache: true);
        Assert.True(first.SpilledHtmlBytes > 0);
        var second = Build(site, "cached", inMemory: BuildOptions.DefaultHtmlInMemory, cache: true);

        Assert.Equal(5, second.CachedBodies);
        Assert.Equal(0, clean.CachedBodies);
        Assert.Equal(Files(site, "clean"), Files(site, "cached"));
    }

    [Fact]
    public void Bodies_read_from_the_cache_past_the_budget_go_to_the_file_too()
    {
        using var site = Site();
        Build(site, "cached", inMemory: BuildOptions.DefaultHtmlInMemory, cache: true);
        // Nothing changed, so no page is rendered: what goes to the file is the five cached bodies (some 2 KB each).
        var unchanged = Build(site, "cached", inMemory: 0, cache: true);
        site.Write("content/posts/a2/index.md", TestSite.Article("Article 2", "2024-09-02T10:00:00+02:00", body: Body(2).Replace("se répète", "revient", StringComparison.Ordinal)));
        var edited = Build(site, "cached", inMemory: 0, cache: true);
        var clean = Build(site, "clean", inMemory: BuildOptions.DefaultHtmlInMemory);

        Assert.Equal(5, unchanged.CachedBodies);
        Assert.True(unchanged.SpilledHtmlBytes > 5 * 1000, $"{unchanged.SpilledHtmlBytes} bytes spilled");
        Assert.Equal(4, edited.CachedBodies);
        Assert.Contains("la phrase 2.5\u00A0revient.", File.ReadAllText(Path.Combine(site.Directory, "cached", "2024", "09", "a2", "index.html")), StringComparison.Ordinal);
        Assert.Equal(Files(site, "clean"), Files(site, "cached"));
    }

    [Fact]
    public void A_spilled_string_reads_back_as_the_html_it_was()
    {
        using var spill = new HtmlSpill(budget: 10);
        var small = spill.Keep("<p>court</p>"u8.ToArray()); // over 10 bytes: spilled
        var html = "<p>« Guillemets » et accents é</p>"u8.ToArray();
        var kept = spill.Keep(html);
        using var page = new HtmlBuffer();
        kept.WriteTo(page);
        small.WriteTo(page);

        Assert.Equal(html.Length + 12, spill.Spilled);
        Assert.Equal("<p>« Guillemets » et accents é</p>", kept.Value);
        Assert.Equal(new HtmlString("<p>« Guillemets » et accents é</p>").Digest(), kept.Digest());
        Assert.Equal("<p>« Guillemets » et accents é</p><p>court</p>", page.ToString());
        Assert.Equal(html, kept.ToUtf8().ToArray());
        Assert.Equal(html.Length, kept.Utf8Length);
    }
}
