using Gazette.Tests.Support;

namespace Gazette.Tests.Server;

/// <summary>
/// Every update of the dev server equals a full build of the same files, byte for byte: a
/// generated site of a hundred articles takes a sequence of random edits of every kind (text,
/// title, tags, category, author, a date that keeps or moves the article, slug, draft, a new and
/// a deleted article), with the default theme and with a theme whose every page lists the site's
/// tags and whose article layout reads two neighbours back and the site's whole list. The same
/// edits as separate <c>build</c> runs with the build cache leave the same output too, also on a
/// site in two languages where a third of the articles are English translations of French ones.
/// </summary>
public class RandomEditTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Tags = ["rust", "go", "python", "ia", "cloud", "Linux"];
    private static readonly string[] Categories = ["Web", "Matériel", "IA", "Logiciel"];
    private static readonly string[] Authors = ["mathilde", "karim", "jane"];

    private const string Config = """
        -- site.yml --
        title: Test
        base_url: https://example.org/
        minify: false
        pagination: 5
        authors:
          mathilde:
            name: Mathilde Rousseau
            bio: Journaliste.
          karim:
            name: Karim Benali
          jane:
            name: Jane Whitfield
        """;

    /// <summary>Article <paramref name="i"/> as the generator writes it; each field can be given.</summary>
    private sealed record ArticleFile(int I, string Title, DateTimeOffset Date, string[] Tags, string Category, string Author, string Body,
        string? Slug = null, bool Draft = false, bool English = false, string? Key = null)
    {
        public string Path => $"content/posts/a{I:000}.md";

        public string Text => $"---\ntitle: \"{Title}\"\ndate: {Date:yyyy-MM-ddTHH:mm:sszzz}\ntags: [{string.Join(", ", Tags)}]\n"
            + $"category: {Category}\nauthor: {Author}\n" + (Slug is null ? "" : $"slug: {Slug}\n") + (Draft ? "draft: true\n" : "")
            + (English ? "lang: en\n" : "") + (Key is null ? "" : $"translation_key: {Key}\n")
            + $"summary: Résumé de l'article {I}.\n---\n\n{Body}\n";
    }

    private static readonly string[] EveryKind = ["text", "title", "tags", "category", "author", "date kept", "date moved", "slug", "draft", "new", "deleted"];

    // The dev server's updates know one edition: a site in two languages is built whole at each change.
    public static TheoryData<bool, bool, bool> ThemesAndWays => new()
    {
        { false, false, false }, { true, false, false }, { false, true, false }, { true, true, false }, { false, true, true }, { true, true, true },
    };

    [Theory]
    [MemberData(nameof(ThemesAndWays))]
    public void Random_edits_of_every_kind_each_leave_the_output_a_full_build_would_write(bool listingTheme, bool cachedBuilds, bool bilingual)
    {
        var random = new Random((listingTheme ? 17 : 42) + (bilingual ? 1 : 0));
        using var site = new TestSite(Config + (bilingual ? "\nlanguages:\n  fr:\n    name: Français\n  en:\n    title: Test in English\n" : ""));
        if (listingTheme)
        {
            site.Write("layouts/partials/footer.html", "<footer>{{ for tag in site.tags.terms }}{{ tag.name }} ({{ tag.count }}) {{ end }}</footer>\n");
            site.Write("layouts/article.html", "<article><h1>{{ page.title }}</h1>{{ page.content_html }}"
                + "<p>{{ if page.previous && page.previous.previous }}{{ page.previous.previous.title }}{{ end }}</p>"
                + "<ol>{{ for a in site.articles limit:10 }}<li>{{ a.title }} {{ a.date | date_iso }}</li>{{ end }}</ol>"
                + "<p>{{ site.articles.size }}</p></article>\n");
        }

        var articles = new Dictionary<int, ArticleFile>();
        var start = new DateTimeOffset(2023, 6, 1, 9, 0, 0, TimeSpan.FromHours(2));
        for (var i = 0; i < 100; i++)
        {
            // On a site in two languages, every third article is the English translation of the next one.
            var article = new ArticleFile(i, $"Article {i}", start.AddHours(i * 61), Pick(random, Tags, 1 + (i % 3)),
                Categories[random.Next(Categories.Length)], Authors[random.Next(Authors.Length)], $"Texte {i}.",
                English: bilingual && i % 3 == 0, Key: bilingual && i % 3 < 2 ? $"t{i / 3}" : null);
            articles[i] = article;
            site.Write(article.Path, article.Text);
        }

        var options = new BuildOptions { SourceDirectory = site.Directory, Minify = false, Now = Now, Cache = cachedBuilds };
        var session = new SiteSession(options);
        Assert.True(session.Build().Succeeded);
        Assert.Equal(bilingual, File.Exists(Path.Combine(site.OutputDirectory, "en/index.html")));
        var kept = 0;
        var next = 100;
        var kinds = new List<string>();
        for (var step = 0; step < 16; step++)
        {
            // Every kind once, then the common ones at random.
            var kind = step < EveryKind.Length ? EveryKind[step] : EveryKind[random.Next(7)];
            var keys = articles.Keys.Order().ToList();
            var a = articles[keys[random.Next(keys.Count)]];
            ArticleFile? edited = kind switch
            {
                "text" => a with { Body = a.Body + $"\n\nParagraphe {step}." },
                "title" => a with { Title = $"Titre {step} de {a.I}" },
                "tags" => a with { Tags = Pick(random, Tags, random.Next(4)) },
                "category" => a with { Category = Categories[(Array.IndexOf(Categories, a.Category) + 1) % Categories.Length] },
                "author" => a with { Author = Authors[(Array.IndexOf(Authors, a.Author) + 1) % Authors.Length] },
                "date kept" => a with { Date = a.Date.AddMinutes(5) },
                "date moved" => a with { Date = start.AddHours(random.Next(100 * 61)).AddMinutes(7) },
                "slug" => a with { Slug = $"nouveau-{a.I}" },
                "draft" => a with { Draft = !a.Draft },
                "new" => new ArticleFile(next++, "Tout nouveau", start.AddHours(50 * 61).AddMinutes(3), ["go"], "Web", "jane", "Nouveau."),
                _ => null,
            };
            string path;
            if (edited is null)
            {
                path = a.Path;
                File.Delete(Path.Combine(site.Directory, path));
                articles.Remove(a.I);
            }
            else
            {
                path = edited.Path;
                site.Write(path, edited.Text);
                articles[edited.I] = edited;
            }

            kinds.Add(kind);
            // The dev server updates its output; a build with the cache starts from what the last one left.
            var result = cachedBuilds ? SiteBuilder.Build(options) : session.Update([Path.Combine(site.Directory, path)]);
            Assert.True(result.Succeeded, $"{kind} of {path}: " + string.Join("\n", result.Diagnostics));
            if (cachedBuilds && kind == "text")
            {
                // An article's text is read by its own page (and its feeds), not by the lists.
                Assert.True(result.KeptPages > 0, "a text edit kept no page");
                Assert.NotEmpty(result.RenderedPages);
            }

            kept += result.KeptPages;
            OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now,
                $"after step {step} ({kind} of {path}; edits so far: {string.Join(", ", kinds)}): ");
        }

        Assert.True(!cachedBuilds || kept > 0, "the build cache kept no page in the whole sequence");
    }

    private static string[] Pick(Random random, string[] from, int count) =>
        [.. from.OrderBy(_ => random.Next()).Take(count)];
}
