using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>site.yml's <c>home:</c>: what templates see of it, the warning for a section no category
/// has, and the default theme's front page laid out from it.</summary>
public class HomePageTests
{
    private static TestSite Newsroom(string home, string layouts = "")
    {
        var site = new TestSite("-- site.yml --\ntitle: Le Fil\npagination: 4\n" + home + "\n" + layouts);
        string[] categories = ["Matériel", "Logiciel", "Matériel", "Intelligence artificielle", "Logiciel", "Matériel", "Matériel"];
        for (var i = 1; i <= categories.Length; i++)
        {
            // Article 7 is the newest; articles 7, 6 and 5 are of 2024-09-25, the others a day each before.
            var day = Math.Min(25, 20 + i);
            site.Write($"content/posts/a{i}.md", TestSite.Article(title: $"Article {i}", date: $"2024-09-{day}T{8 + i:D2}:15:00+02:00",
                extra: $"category: {categories[i - 1]}\n"));
        }

        return site;
    }

    [Fact]
    public void Templates_see_home_as_site_yml_writes_it_and_each_language_may_have_its_own()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: Le Fil
            home:
              featured: 2
              latest: 5
              sections: [materiel, logiciel]
            languages:
              fr:
              en:
                home:
                  latest: 3
                  sections: [hardware]
            -- layouts/baseof.html --
            {{ content }}
            -- layouts/list.html --
            featured={{ site.home.featured }} latest={{ site.home.latest }} sections={{ site.home.sections | array.join "," }}
            -- content/posts/a.md --
            ---
            title: A
            date: 2024-09-25T10:30:00+02:00
            category: Matériel
            ---
            Texte.
            -- content/posts/b.md --
            ---
            title: B
            date: 2024-09-25T10:30:00+02:00
            category: Hardware
            lang: en
            ---
            Text.
            """);
        var result = site.BuildSuccessfully();

        Assert.Equal("featured=2 latest=5 sections=materiel,logiciel", site.ReadOutput("index.html").Trim());
        Assert.Equal("featured=1 latest=3 sections=hardware", site.ReadOutput("en/index.html").Trim());
        // logiciel has no article yet: a warning at its line, with the slugs there are.
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.HomeSectionUnknown);
        Assert.Equal(("site.yml", 5, 24), (warning.Location.Path, warning.Location.Line, warning.Location.Column));
        Assert.Contains("'logiciel'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("the categories are: materiel", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_home_templates_see_one_featured_ten_latest_and_no_section_list()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: Le Fil
            -- layouts/baseof.html --
            {{ content }}
            -- layouts/list.html --
            featured={{ site.home.featured }} latest={{ site.home.latest }} all_sections={{ site.home.sections == null }}
            """);
        site.BuildSuccessfully();

        Assert.Equal("featured=1 latest=10 all_sections=true", site.ReadOutput("index.html").Trim());
    }

    [Fact]
    public void A_home_value_of_the_wrong_kind_is_an_error_at_its_line()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Le Fil\nhome:\n  featured: beaucoup\n");
        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("site.yml", 3), (error.Location.Path, error.Location.Line));
        Assert.Contains("featured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_theme_puts_the_newest_a_la_une_then_the_latest_by_day_and_time_then_each_section()
    {
        using var site = Newsroom("home:\n  featured: 1\n  latest: 4\n  sections: [logiciel, materiel]\n");
        site.BuildSuccessfully();
        var home = site.ParseOutput("index.html");

        Assert.Equal("Article 7", home.QuerySelector(".home-featured .featured__title")!.TextContent.Trim());
        // The next four, newest first, under the heading of their day, each with its time.
        var latest = home.QuerySelectorAll(".latest__list > li").Select(li => li.TextContent.Trim().Replace('\u00a0', ' ').Replace('\u202f', ' ')).ToList();
        Assert.Equal(["25 septembre 2024", "14 h 15 Article 6 Matériel", "13 h 15 Article 5 Logiciel",
            "24 septembre 2024", "12 h 15 Article 4 Intelligence artificielle", "23 septembre 2024", "11 h 15 Article 3 Matériel"], latest);
        Assert.Equal("/page/2/", home.QuerySelector(".latest__all a")!.GetAttribute("href"));
        // The sections in site.yml's order, three newest cards each, and a link to the rest.
        var sections = home.QuerySelectorAll(".home-section").ToList();
        Assert.Equal(["Logiciel", "Matériel"], sections.Select(s => s.QuerySelector(":scope > h2")!.TextContent.Trim()));
        Assert.Equal(["Article 5", "Article 2"], sections[0].QuerySelectorAll(".card__title").Select(t => t.TextContent.Trim()));
        Assert.Null(sections[0].QuerySelector(".home-section__all"));
        Assert.Equal(["Article 7", "Article 6", "Article 3"], sections[1].QuerySelectorAll(".card__title").Select(t => t.TextContent.Trim()));
        Assert.Equal("/categories/materiel/", sections[1].QuerySelector(".home-section__all a")!.GetAttribute("href"));
        // Further pages keep the grid of every article.
        Assert.Equal(["Article 3", "Article 2", "Article 1"], site.ParseOutput("page/2/index.html").QuerySelectorAll(".card__title").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void Without_sections_the_default_theme_shows_every_category_and_with_nothing_featured_nor_latest_the_grid()
    {
        using var all = Newsroom("");
        all.BuildSuccessfully();
        Assert.Equal(["Intelligence artificielle", "Logiciel", "Matériel"],
            all.ParseOutput("index.html").QuerySelectorAll(".home-section > h2").Select(h => h.TextContent.Trim()));

        using var grid = Newsroom("home:\n  featured: 0\n  latest: 0\n");
        grid.BuildSuccessfully();
        var home = grid.ParseOutput("index.html");
        Assert.Empty(home.QuerySelectorAll(".home-section, .latest, .home-featured"));
        Assert.Equal(["Article 7", "Article 6", "Article 5", "Article 4"], home.QuerySelectorAll(".card__title").Select(t => t.TextContent.Trim()));
    }
}
