using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Server;

/// <summary>
/// The dev server's updates after an edit: whatever path an update takes (body only, or the
/// site re-assembled), the output must be byte for byte what a full build of the same files
/// writes, and only the files whose bytes changed are rewritten.
/// </summary>
public class IncrementalUpdateTests
{
    private const string Config = "-- site.yml --\ntitle: Test\nbase_url: https://example.org/\nminify: false\n";

    private static TestSite ThreeArticles()
    {
        var site = new TestSite(Config);
        site.Write("content/posts/old.md", TestSite.Article(title: "Ancien", date: "2024-01-01T10:00:00+01:00", extra: "category: Web\ntags: [rust]\n"));
        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00", extra: "category: Web\ntags: [rust]\n"));
        site.Write("content/posts/new.md", TestSite.Article(title: "Récent", date: "2024-03-01T10:00:00+01:00", extra: "category: IA\n",
            body: "## Première partie\n\nTexte."));
        site.WriteBytes("content/images/photo.png", TestImages.Png(40, 30));
        return site;
    }

    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SiteSession Session(TestSite site) =>
        new(new BuildOptions { SourceDirectory = site.Directory, Minify = false, Now = Now });

    /// <summary>Runs the dev server's update after <paramref name="file"/> changed, and checks that it
    /// succeeded, took an incremental path and wrote what a full build of the same files writes.</summary>
    private static BuildResult UpdateLikeAFullBuild(TestSite site, SiteSession session, string file)
    {
        var result = session.Update([Path.Combine(site.Directory, file)]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(result.Incremental);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
        return result;
    }

    [Fact]
    public void A_recent_articles_new_title_reaches_the_news_sitemap_as_in_a_full_build()
    {
        using var site = new TestSite(Config);
        site.Write("content/posts/new.md", TestSite.Article(title: "Dépêche", date: "2024-12-31T20:00:00+01:00"));
        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        Assert.Contains("<news:title>Dépêche</news:title>", site.ReadOutput("news-sitemap.xml"), StringComparison.Ordinal);

        site.Write("content/posts/new.md", TestSite.Article(title: "Dépêche corrigée", date: "2024-12-31T20:00:00+01:00"));
        var result = UpdateLikeAFullBuild(site, session, "content/posts/new.md");

        Assert.Contains("news-sitemap.xml", result.ChangedFiles);
        Assert.Contains("<news:title>Dépêche corrigée</news:title>", site.ReadOutput("news-sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Body_edit_rewrites_the_page_and_its_feeds_only_and_matches_a_full_build()
    {
        using var site = ThreeArticles();
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00", extra: "category: Web\ntags: [rust]\n",
            body: "Texte réécrit, bien plus long : « il était une fois » un article.\n\n## Nouvelle partie\n\nFin."));
        var result = UpdateLikeAFullBuild(site, session, "content/posts/mid.md");
        Assert.Contains("2024/02/mid/index.html", result.ChangedFiles);
        Assert.Contains("feed.xml", result.ChangedFiles);
        Assert.Contains("categories/web/feed.xml", result.ChangedFiles);
        // The lists show the title and summary, which did not change; the other category's feed does not list it.
        Assert.DoesNotContain("index.html", result.ChangedFiles);
        Assert.DoesNotContain("categories/ia/feed.xml", result.ChangedFiles);
        Assert.Contains("Nouvelle partie", site.ReadOutput("2024/02/mid/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Body_edit_adding_a_photo_updates_the_sitemap_and_matches_a_full_build()
    {
        using var site = ThreeArticles();
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        site.Write("content/posts/old.md", TestSite.Article(title: "Ancien", date: "2024-01-01T10:00:00+01:00", extra: "category: Web\ntags: [rust]\n",
            body: "Texte.\n\n![Une photo](/images/photo.png \"Légende © Agence\")\n"));
        var result = session.Update([Path.Combine(site.Directory, "content/posts/old.md")]);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
        Assert.Contains("sitemap.xml", result.ChangedFiles);
        Assert.Contains("images/photo.png", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Title_summary_and_cover_edit_keeps_the_structure_rewrites_every_page_showing_them_and_matches_a_full_build()
    {
        // Same date, tags, category, slug, aliases: updated in place. The home page, the
        // category and tag pages, the neighbours' previous/next links, the related cards, the feeds
        // and the redirect page of its alias all show the new title.
        using var site = new TestSite(Config);
        site.Write("content/posts/old.md", TestSite.Article(title: "Ancien", date: "2024-01-01T10:00:00+01:00", extra: "category: Web\ntags: [rust]\n"));
        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00",
            extra: "category: Web\ntags: [rust]\naliases: [/ancien-milieu/]\n"));
        site.Write("content/posts/new.md", TestSite.Article(title: "Récent", date: "2024-03-01T10:00:00+01:00", extra: "category: IA\n"));
        site.WriteBytes("content/images/photo.png", TestImages.Png(40, 30));
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu renommé", date: "2024-02-01T10:00:00+01:00",
            extra: "category: Web\ntags: [rust]\naliases: [/ancien-milieu/]\nsummary: Un nouveau chapô.\nimage:\n  src: /images/photo.png\n  alt: Une photo\n  credit: Agence\n"));
        var result = UpdateLikeAFullBuild(site, session, "content/posts/mid.md");
        foreach (var page in new[] { "index.html", "2024/01/old/index.html", "2024/03/new/index.html", "tags/rust/index.html", "ancien-milieu/index.html", "feed.xml", "sitemap.xml" })
        {
            Assert.Contains(page, result.ChangedFiles);
        }

        Assert.Contains("Milieu renommé", site.ReadOutput("2024/01/old/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("categories/ia/feed.xml", result.ChangedFiles);
    }

    [Fact]
    public void Front_matter_edit_re_assembles_the_site_and_matches_a_full_build()
    {
        using var site = ThreeArticles();
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu renommé", date: "2024-02-01T10:00:00+01:00",
            extra: "category: Web\ntags: [rust, go]\naliases: [/ancien-milieu/]\n"));
        var result = UpdateLikeAFullBuild(site, session, "content/posts/mid.md");
        Assert.Contains("index.html", result.ChangedFiles); // the home page lists the new title
        Assert.Contains("ancien-milieu/index.html", result.ChangedFiles);
        Assert.DoesNotContain("categories/ia/feed.xml", result.ChangedFiles); // lists the same articles as before
    }

    [Fact]
    public void Tag_edit_picks_related_articles_again_in_both_tags_only_and_matches_a_full_build()
    {
        // Related articles are picked again only in the term lists holding the edited article: the
        // "go" articles must now show it, the "rust" ones no longer, the "python" one is untouched.
        using var site = new TestSite(Config);
        var articles = new[] { ("a1", "rust", 1), ("a2", "rust", 2), ("a3", "rust", 3), ("b1", "go", 4), ("b2", "go", 5), ("b3", "go", 6), ("c1", "python", 7) };
        foreach (var (slug, tag, month) in articles)
        {
            site.Write($"content/posts/{slug}.md", TestSite.Article(title: "Titre " + slug, date: $"2024-{month:D2}-01T10:00:00+01:00", extra: $"tags: [{tag}]\n"));
        }

        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        // Only the related cards: the neighbours' previous/next links name a2 too.
        string RelatedOn(string page)
        {
            var html = site.ReadOutput(page);
            var start = html.IndexOf("class=\"related\"", StringComparison.Ordinal);
            return start < 0 ? "" : html[start..];
        }

        Assert.Contains("Titre a2", RelatedOn("2024/01/a1/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("Titre a2", RelatedOn("2024/04/b1/index.html"), StringComparison.Ordinal);

        site.Write("content/posts/a2.md", TestSite.Article(title: "Titre a2", date: "2024-02-01T10:00:00+01:00", extra: "tags: [go]\n"));
        var result = UpdateLikeAFullBuild(site, session, "content/posts/a2.md");
        Assert.Contains("Titre a2", RelatedOn("2024/04/b1/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("Titre a2", RelatedOn("2024/01/a1/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("2024/07/c1/index.html", result.ChangedFiles);
    }

    [Fact]
    public void Tag_edits_create_a_new_tag_page_and_remove_an_emptied_one_like_a_full_build()
    {
        // Three edits of the tags only: each time the output (the tag pages, the tags' index, the
        // sitemap and the manifest that `clean` reads) is what a full build writes.
        using var site = ThreeArticles();
        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        var edits = new[]
        {
            ("new.md", "Récent", "2024-03-01", "category: IA\ntags: [go]\n"),
            ("mid.md", "Milieu", "2024-02-01", "category: Web\ntags: [go, rust]\n"),
            ("old.md", "Ancien", "2024-01-01", "category: Web\ntags: [go]\n"),
            ("mid.md", "Milieu", "2024-02-01", "category: Web\ntags: [go]\n"),
        };
        foreach (var (file, title, date, extra) in edits)
        {
            site.Write("content/posts/" + file, TestSite.Article(title: title, date: date + "T10:00:00+01:00", extra: extra,
                body: file == "new.md" ? "## Première partie\n\nTexte." : "Texte."));
            UpdateLikeAFullBuild(site, session, "content/posts/" + file);
        }

        Assert.True(site.OutputExists("tags/go/index.html"));
        Assert.False(site.OutputExists("tags/rust/index.html")); // no article has it any more
        Assert.DoesNotContain("tags/rust/", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("tags/rust/", site.ReadOutput(".gazette-manifest"), StringComparison.Ordinal);
    }

    [Fact]
    public void Update_date_edit_moves_the_last_modification_of_every_list_holding_the_article_like_a_full_build()
    {
        // An editor marks an article as updated, then takes the date back: the article's page, its
        // feeds and the sitemap's dates of every list holding it (home, archives, tag, category,
        // the terms' indexes) follow, as a full build writes them.
        using var site = ThreeArticles();
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        foreach (var extra in new[] { "category: Web\ntags: [rust]\nupdated: 2024-06-01T10:00:00+01:00\n", "category: Web\ntags: [rust]\n" })
        {
            site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00", extra: extra));
            var result = UpdateLikeAFullBuild(site, session, "content/posts/mid.md");
            Assert.Contains("sitemap.xml", result.ChangedFiles);
        }
    }

    [Fact]
    public void Date_edit_that_keeps_the_article_in_place_is_made_in_place_and_picks_related_articles_again_like_a_full_build()
    {
        // Six articles of one tag, two days apart. Moving a6 (the newest) from the 11th to the 17th
        // keeps it first in every list, but a5 (the 9th) now finds it as far as a1 (8 days each):
        // the tie goes to a1 by path, so a5's related articles change although no list does.
        // Moving it into February changes its archive and its place: the site is assembled again.
        static string Article(int i, string date) => TestSite.Article(title: $"Article {i}", date: date, extra: "tags: [t]\n");
        using var site = new TestSite(Config);
        for (var i = 1; i <= 6; i++)
        {
            site.Write($"content/posts/a{i}.md", Article(i, $"2024-03-{(2 * i) - 1:00}T10:00:00+01:00"));
        }

        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        string RelatedOfA5()
        {
            var html = site.ReadOutput("2024/03/a5/index.html");
            return html[html.IndexOf("class=\"related\"", StringComparison.Ordinal)..];
        }

        Assert.Contains("Article 6", RelatedOfA5(), StringComparison.Ordinal);
        Assert.DoesNotContain("Article 1", RelatedOfA5(), StringComparison.Ordinal);

        site.Write("content/posts/a6.md", Article(6, "2024-03-17T10:00:00+01:00"));
        var inPlace = UpdateLikeAFullBuild(site, session, "content/posts/a6.md");
        Assert.Contains("2024/03/a5/index.html", inPlace.ChangedFiles);
        Assert.DoesNotContain("Article 6", RelatedOfA5(), StringComparison.Ordinal);
        Assert.Contains("Article 1", RelatedOfA5(), StringComparison.Ordinal);

        site.Write("content/posts/a6.md", Article(6, "2024-03-11T18:00:00+01:00"));
        UpdateLikeAFullBuild(site, session, "content/posts/a6.md");

        site.Write("content/posts/a4.md", Article(4, "2024-03-02T10:00:00+01:00")); // now before a2: moved
        UpdateLikeAFullBuild(site, session, "content/posts/a4.md");
    }

    [Fact]
    public void Date_edit_moving_an_article_far_in_a_large_list_re_assembles_and_picks_related_articles_again_near_both_places_like_a_full_build()
    {
        // Forty articles of one category, a day apart in January: each one's related articles are
        // the nearest in time. a25 moves from the 26th to the 3rd: the articles near where it was
        // lose it, those near where it goes gain it, and every list between shifts by one. Moved
        // and back, every page must be what a full build writes.
        static string Article(int i, int day) => TestSite.Article(title: $"Article {i}",
            date: $"2024-01-{day:00}T{10 + (i / 28):00}:00:00+01:00", extra: "category: Web\n");
        using var site = new TestSite(Config);
        for (var i = 0; i < 40; i++)
        {
            site.Write($"content/posts/a{i:00}.md", Article(i, 1 + (i % 28)));
        }

        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        foreach (var day in new[] { 3, 26 })
        {
            site.Write("content/posts/a25.md", Article(25, day));
            UpdateLikeAFullBuild(site, session, "content/posts/a25.md");
        }
    }

    [Fact]
    public void A_theme_listing_the_sites_tags_on_every_page_renders_every_page_again_when_a_tag_is_added()
    {
        // A footer listing every tag: a new tag must show on every page, also on the pages that
        // show nothing of the edited article (the IA category's page).
        using var site = ThreeArticles();
        site.Write("layouts/partials/footer.html", "<footer>{{ for tag in site.tags.terms }}{{ tag.name }};{{ end }}</footer>\n");
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00", extra: "category: Web\ntags: [rust, go]\n"));
        var result = session.Update([Path.Combine(site.Directory, "content/posts/mid.md")]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(result.Incremental);
        Assert.Contains("categories/ia/index.html", result.RenderedPages);
        Assert.Contains("go;", site.ReadOutput("categories/ia/index.html"), StringComparison.Ordinal);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
    }

    [Fact]
    public void A_404_page_listing_every_article_follows_an_edit_of_any_of_them()
    {
        // This 404 page lists every article (the default theme's, the latest five): the oldest of
        // seven renamed, it must show the new title, the edit still made in place.
        using var site = new TestSite(Config);
        for (var i = 1; i <= 7; i++)
        {
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: $"Article {i}", date: $"2024-03-{i:00}T10:00:00+01:00"));
        }

        site.Write("layouts/404.html", "<ul>{{ for article in site.articles }}<li>{{ article.title }}</li>{{ end }}</ul>\n");
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        site.Write("content/posts/a1.md", TestSite.Article(title: "Le plus ancien", date: "2024-03-01T10:00:00+01:00"));
        Assert.Contains("404.html", UpdateLikeAFullBuild(site, session, "content/posts/a1.md").RenderedPages);
        Assert.Contains("Le plus ancien", site.ReadOutput("404.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Category_edit_moves_the_article_between_category_pages_and_feeds_like_a_full_build()
    {
        // "mid" goes from Web (where "old" stays) to IA: Web's feed must lose it, IA's gain it.
        using var site = ThreeArticles();
        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        Assert.Contains("Milieu", site.ReadOutput("categories/web/feed.xml"), StringComparison.Ordinal);

        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00", extra: "category: IA\ntags: [rust]\n"));
        UpdateLikeAFullBuild(site, session, "content/posts/mid.md");
        Assert.DoesNotContain("Milieu", site.ReadOutput("categories/web/feed.xml"), StringComparison.Ordinal);
        Assert.Contains("Milieu", site.ReadOutput("categories/ia/feed.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Category_edit_in_a_large_category_picks_related_articles_again_near_the_article_like_a_full_build()
    {
        // Forty articles of one category (a few sharing tags): only those near the edited one in the
        // category's list may gain or lose it among their candidates. Moved out and back, every
        // page must still be what a full build writes, near the article and far from it.
        static string Article(int i, string category) => TestSite.Article(title: $"Article {i}",
            date: $"2024-{1 + (i / 28):00}-{1 + (i % 28):00}T10:00:00+01:00", extra: $"category: {category}\ntags: [t{i % 7}]\n");
        using var site = new TestSite(Config);
        for (var i = 0; i < 40; i++)
        {
            site.Write($"content/posts/a{i:00}.md", Article(i, "Web"));
        }

        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        foreach (var category in new[] { "IA", "Web" })
        {
            site.Write("content/posts/a20.md", Article(20, category));
            UpdateLikeAFullBuild(site, session, "content/posts/a20.md");
        }
    }

    [Fact]
    public void Author_edits_move_the_article_between_author_pages_like_a_full_build()
    {
        // A byline shows on the article and on every card of it; an author's page appears with their
        // first article and goes with their last; a profile from site.yml names the page.
        using var site = new TestSite(Config + "authors:\n  jdupont:\n    name: Jeanne Dupont\n    bio: Journaliste.\n");
        site.Write("content/posts/old.md", TestSite.Article(title: "Ancien", date: "2024-01-01T10:00:00+01:00", extra: "author: Marc\ntags: [rust]\n"));
        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00", extra: "author: Marc\ntags: [rust]\n"));
        // The default theme does not show an article's author profile: this site's article layout does.
        site.Write("layouts/article.html", "<p class=\"bio\">{{ if page.author_profile }}{{ page.author_profile.bio }}{{ end }}</p>\n");
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        foreach (var author in new[] { "jdupont", "Léa", "Marc" })
        {
            site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00", extra: $"author: {author}\ntags: [rust]\n"));
            UpdateLikeAFullBuild(site, session, "content/posts/mid.md");
            Assert.Equal(author == "jdupont", site.ReadOutput("2024/02/mid/index.html").Contains("Journaliste.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Author_list_edits_move_the_article_between_each_authors_pages_like_a_full_build()
    {
        // authors: [a, b]: the article is on each author's page; adding, dropping or reordering an
        // author moves it as an edit of author: does, and the byline follows.
        using var site = new TestSite(Config + "authors:\n  jdupont:\n    name: Jeanne Dupont\n");
        site.Write("content/posts/old.md", TestSite.Article(title: "Ancien", date: "2024-01-01T10:00:00+01:00", extra: "author: Marc\n"));
        site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00", extra: "authors: [Marc, jdupont]\n"));
        var session = Session(site);
        Assert.True(session.Build().Succeeded);

        foreach (var authors in new[] { "[jdupont, Marc]", "[jdupont, Léa, Marc]", "[Léa]", "[Marc, jdupont]" })
        {
            site.Write("content/posts/mid.md", TestSite.Article(title: "Milieu", date: "2024-02-01T10:00:00+01:00", extra: $"authors: {authors}\n"));
            UpdateLikeAFullBuild(site, session, "content/posts/mid.md");
        }
    }

    [Fact]
    public void Moving_the_last_article_out_of_a_category_removes_its_pages_and_feed_like_a_full_build()
    {
        using var site = ThreeArticles();
        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        Assert.True(site.OutputExists("categories/ia/feed.xml"));

        site.Write("content/posts/new.md", TestSite.Article(title: "Récent", date: "2024-03-01T10:00:00+01:00", extra: "category: Web\n",
            body: "## Première partie\n\nTexte."));
        var result = session.Update([Path.Combine(site.Directory, "content/posts/new.md")]);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False(site.OutputExists("categories/ia/feed.xml"));
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
    }

    [Fact]
    public void Body_edit_with_an_error_writes_nothing_and_the_next_good_edit_applies()
    {
        using var site = ThreeArticles();
        var session = Session(site);
        Assert.True(session.Build().Succeeded);
        var before = OutputSnapshot.Of(site.OutputDirectory);
        var path = Path.Combine(site.Directory, "content/posts/new.md");

        site.Write("content/posts/new.md", TestSite.Article(title: "Récent", date: "2024-03-01T10:00:00+01:00", extra: "category: IA\n",
            body: "![Absente](/images/absente.png)"));
        var broken = session.Update([path]);
        Assert.False(broken.Succeeded);
        var error = Assert.Single(broken.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.ImageMissing, error.Code);
        Assert.Equal(before, OutputSnapshot.Of(site.OutputDirectory));

        site.Write("content/posts/new.md", TestSite.Article(title: "Récent", date: "2024-03-01T10:00:00+01:00", extra: "category: IA\n",
            body: "Corrigé."));
        Assert.True(session.Update([path]).Succeeded);
        OutputSnapshot.AssertSameAsFullBuild(site.Directory, site.OutputDirectory, Now);
    }
}
