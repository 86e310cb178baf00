using System.Text.Json;
using AngleSharp.Dom;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>The parts of a tech news article page: credits, review box, sources, headings,
/// code, related articles and the structured data that describes them.</summary>
public class ArticleAnatomyTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static TestSite Site(string article, string siteYml = "title: Le Fil\nbase_url: https://example.org/news/\npublisher:\n  name: Le Fil SAS\n  logo: /logo.svg\nauthors:\n  mathilde:\n    name: Mathilde Rousseau\n")
    {
        var site = new TestSite("-- site.yml --\n" + siteYml);
        site.Write("content/posts/a/index.md", article);
        site.WriteBytes("content/posts/a/cover.jpg", TestImages.Jpeg(1200, 675));
        site.WriteBytes("content/posts/a/inline.png", TestImages.Png(800, 600));
        site.WriteBytes("content/posts/a/agency.jpg", File.ReadAllBytes(Fixture("iptc-credit.jpg")));
        site.WriteBytes("content/posts/a/studio.png", File.ReadAllBytes(Fixture("xmp-credit.png")));
        return site;
    }

    private static JsonElement JsonLd(IDocument page)
    {
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        var root = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        var graph = root.GetProperty("@graph");
        return graph.EnumerateArray().First(node => node.GetProperty("@type").GetString() != "BreadcrumbList");
    }

    private const string FullArticle = """
        ---
        title: "Test : le \"Pixel\" </script><b>"
        date: 2024-10-08T09:00:00+02:00
        updated: 2024-10-09T12:00:00+02:00
        author: mathilde
        category: Matériel
        tags: [Google, Smartphone]
        summary: "Trois semaines avec le smartphone."
        image:
          src: cover.jpg
          alt: "Le dos du téléphone"
          caption: "Le Pixel, coloris gris."
          credit: "Karim Benali / Le Fil"
        review:
          name: Google Pixel 9 Pro
          features: ["Écran 6,3 pouces", "Puce Tensor G4"]
          pros: [Photo de nuit]
          cons: [Autonomie, Charge lente]
          score: 8
          scale: 10
          verdict: "Le meilleur photophone."
        sources: [Le Figaro, { name: BFM TV, url: "https://bfmtv.example/" }]
        ---

        ![Baies de serveurs](agency.jpg "Des serveurs.")

        ![Studio](studio.png)

        ## Un appareil photo

        Texte.
        """;

    [Fact]
    public void Json_ld_describes_the_article_its_photos_with_credits_its_review_and_its_sources()
    {
        using var site = Site(FullArticle);
        site.BuildSuccessfully();
        var json = JsonLd(site.ParseOutput("2024/10/a/index.html"));

        Assert.Equal("NewsArticle", json.GetProperty("@type").GetString());
        Assert.Equal("Test\u00A0: le «\u00A0Pixel\u00A0» </script><b>", json.GetProperty("headline").GetString());
        Assert.Equal("Trois semaines avec le smartphone.", json.GetProperty("description").GetString());
        Assert.Equal("2024-10-08T09:00:00+02:00", json.GetProperty("datePublished").GetString());
        Assert.Equal("2024-10-09T12:00:00+02:00", json.GetProperty("dateModified").GetString());
        Assert.Equal("Mathilde Rousseau", json.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("https://example.org/news/authors/mathilde-rousseau/", json.GetProperty("author").GetProperty("url").GetString());
        Assert.Equal("Le Fil SAS", json.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("https://example.org/news/logo.svg", json.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString());
        Assert.Equal("Matériel", json.GetProperty("articleSection").GetString());
        Assert.Equal("Google, Smartphone", json.GetProperty("keywords").GetString());
        Assert.Equal("fr", json.GetProperty("inLanguage").GetString());
        Assert.Equal("https://example.org/news/2024/10/a/", json.GetProperty("mainEntityOfPage").GetString());

        var images = json.GetProperty("image").EnumerateArray().ToList();
        // The cover (1200 × 675) as the three crops Google asks of a news article, then the two inline photos.
        Assert.Equal(5, images.Count);
        Assert.All(images, i => Assert.Equal("ImageObject", i.GetProperty("@type").GetString()));
        string[] crops = ["cover-16x9.jpg 1200x675", "cover-4x3.jpg 900x675", "cover-1x1.jpg 675x675"];
        Assert.Equal(crops.Select(c => "https://example.org/news/2024/10/a/" + c),
            images.Take(3).Select(i => $"{i.GetProperty("contentUrl").GetString()} {i.GetProperty("width").GetInt32()}x{i.GetProperty("height").GetInt32()}"));
        Assert.All(images.Take(3), i =>
        {
            Assert.Equal("Le Pixel, coloris gris.", i.GetProperty("caption").GetString());
            Assert.Equal("Karim Benali / Le Fil", i.GetProperty("creditText").GetString());
            Assert.Equal("© Karim Benali / Le Fil", i.GetProperty("copyrightNotice").GetString());
        });
        Assert.Equal("Agence Test / Fixture", images[3].GetProperty("creditText").GetString());
        Assert.Equal("© Agence Test 2024", images[3].GetProperty("copyrightNotice").GetString());
        Assert.Equal("Studio XMP", images[4].GetProperty("creditText").GetString());

        var citations = json.GetProperty("citation").EnumerateArray().ToList();
        Assert.Equal("Le Figaro", citations[0].GetProperty("name").GetString());
        Assert.Equal("https://bfmtv.example/", citations[1].GetProperty("url").GetString());

        var review = json.GetProperty("review");
        Assert.Equal("Review", review.GetProperty("@type").GetString());
        Assert.Equal("Google Pixel 9 Pro", review.GetProperty("itemReviewed").GetProperty("name").GetString());
        var rating = review.GetProperty("reviewRating");
        Assert.Equal(8, rating.GetProperty("ratingValue").GetDouble());
        Assert.Equal(10, rating.GetProperty("bestRating").GetDouble());
        Assert.Equal(0, rating.GetProperty("worstRating").GetDouble());
        Assert.Equal("Mathilde Rousseau", review.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Photo de nuit", review.GetProperty("positiveNotes").GetProperty("itemListElement")[0].GetProperty("name").GetString());
        Assert.Equal(2, review.GetProperty("negativeNotes").GetProperty("itemListElement").GetArrayLength());
    }

    [Fact]
    public void Script_closing_tag_in_a_title_cannot_break_out_of_the_json_ld_block()
    {
        using var site = Site(FullArticle);
        site.BuildSuccessfully();
        var html = site.ReadOutput("2024/10/a/index.html");

        var start = html.IndexOf("application/ld+json", StringComparison.Ordinal);
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html[start..end], StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", site.ParseOutput("2024/10/a/index.html").Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Credit_is_read_from_iptc_and_xmp_metadata_when_the_author_gives_none()
    {
        using var site = Site(FullArticle);
        var result = site.BuildSuccessfully();

        var credits = site.ParseOutput("2024/10/a/index.html").QuerySelectorAll(".article__body figure .credit").Select(c => c.TextContent).ToList();
        Assert.Equal(["©\u00a0Agence Test / Fixture", "©\u00a0Studio XMP"], credits);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.PhotoWithoutCredit);
    }

    [Fact]
    public void Figures_golden_cover_inline_and_metadata_credits()
    {
        using var site = Site(FullArticle);
        site.BuildSuccessfully();
        var page = site.ParseOutput("2024/10/a/index.html");
        var figures = string.Join("\n", page.QuerySelectorAll("figure").Select(f => f.OuterHtml));

        Golden.Verify("article", "figures", ".html", figures + "\n");
    }

    [Fact]
    public void Explicit_credit_wins_over_the_photo_metadata()
    {
        using var site = Site(TestSite.Article(body: "![Serveurs](agency.jpg \"© Rédaction\")"));
        site.BuildSuccessfully();

        Assert.Equal("©\u00a0Rédaction", site.ParseOutput("2024/09/a/index.html").QuerySelector("figure .credit")!.TextContent);
    }

    [Fact]
    public void Photo_without_any_credit_is_a_warning_at_its_line_and_an_error_with_strict()
    {
        using var site = Site(TestSite.Article(body: "Texte.\n\n![Sans crédit](inline.png \"Une légende\")", extra: "image:\n  src: cover.jpg\n  alt: Couverture\n"));
        var result = site.BuildSuccessfully();

        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.PhotoWithoutCredit).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Equal(new SourceLocation("content/posts/a/index.md", 5, 8), warnings[0].Location);
        Assert.Equal(new SourceLocation("content/posts/a/index.md", 11, 1), warnings[1].Location);

        var strict = site.Build(o => o with { Strict = true });
        Assert.False(strict.Succeeded);
    }

    [Fact]
    public void Review_box_shows_name_features_pros_cons_and_the_score_out_of_the_scale()
    {
        using var site = Site(FullArticle);
        site.BuildSuccessfully();
        var box = site.ParseOutput("2024/10/a/index.html").QuerySelector(".review-box")!;

        Golden.Verify("article", "review-box", ".html", box.OuterHtml + "\n");
        Assert.Equal("Google Pixel 9 Pro", box.QuerySelector("h2")!.TextContent);
        Assert.Equal("8\u00a0/\u00a010", box.QuerySelector(".score")!.TextContent);
        Assert.Equal("8", box.QuerySelector("meter")!.GetAttribute("value"));
        Assert.Equal("10", box.QuerySelector("meter")!.GetAttribute("max"));
    }

    [Fact]
    public void Review_marker_places_the_box_in_the_text_instead_of_at_the_end()
    {
        using var site = Site(TestSite.Article(extra: "review: { name: Produit, score: 7 }\n", body: "Avant.\n\n{{< review >}}\n\nAprès."));
        site.BuildSuccessfully();
        var page = site.ParseOutput("2024/09/a/index.html");

        var box = Assert.Single(page.QuerySelectorAll(".review-box"));
        Assert.Equal("article__body", box.ParentElement!.ClassName);
        Assert.Equal("Avant.", box.PreviousElementSibling!.TextContent);
        Assert.DoesNotContain("{{<", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sources: [Le Figaro]", "one")]
    [InlineData("sources: [Le Figaro, { name: BFM TV, url: \"https://bfmtv.example/\" }]", "two")]
    public void Sources_line_is_singular_or_plural_and_linked_when_a_url_is_given(string sources, string name)
    {
        using var site = Site(TestSite.Article(extra: sources + "\n"));
        site.BuildSuccessfully();
        var line = site.ParseOutput("2024/09/a/index.html").QuerySelector(".sources")!;

        Golden.Verify("article", "sources-" + name, ".html", line.OuterHtml + "\n");
    }

    [Fact]
    public void Headings_get_stable_ascii_ids_numbered_when_repeated_with_anchor_links_and_a_table_of_contents()
    {
        using var site = Site(TestSite.Article(extra: "toc: true\n", body: "## La capitale française, un vivier de talents IA\n\n## Résumé\n\n## Résumé\n\n### Détail"));
        site.BuildSuccessfully();
        var page = site.ParseOutput("2024/09/a/index.html");

        var ids = page.QuerySelectorAll(".article__body h2, .article__body h3").Select(h => h.Id).ToList();
        Assert.Equal(["la-capitale-francaise-un-vivier-de-talents-ia", "resume", "resume-1", "detail"], ids);
        Assert.Equal("#resume-1", page.QuerySelectorAll(".article__body h2")[2].QuerySelector("a.heading-anchor")!.GetAttribute("href"));
        var toc = page.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#la-capitale-francaise-un-vivier-de-talents-ia", "#resume", "#resume-1", "#detail"], toc);
    }

    [Fact]
    public void Fenced_code_is_highlighted_at_build_time_and_an_unknown_language_stays_plain()
    {
        using var site = Site(TestSite.Article(body: "```csharp\npublic class A { string s = \"<b>\"; }\n```\n\n```klingon\nqapla' <b>\n```"));
        site.BuildSuccessfully();
        var blocks = site.ParseOutput("2024/09/a/index.html").QuerySelectorAll("pre.code code");

        Assert.Equal("public", blocks[0].QuerySelector("span.keyword")!.TextContent);
        Assert.Equal("\"<b>\"", blocks[0].QuerySelector("span.string")!.TextContent);
        Assert.Empty(blocks[1].Children);
        Assert.Equal("qapla' <b>\n", blocks[1].TextContent);
    }

    [Fact]
    public void Related_articles_are_those_sharing_the_most_tags_at_most_four()
    {
        var site = new TestSite("-- site.yml --\ntitle: T\n");
        using var _ = site;
        site.Write("content/posts/main.md", TestSite.Article(title: "Principal", extra: "tags: [IA, Cloud]\ncategory: Tech\n"));
        site.Write("content/posts/both.md", TestSite.Article(title: "Deux tags", date: "2024-01-01", extra: "tags: [IA, Cloud]\n"));
        for (var i = 1; i <= 4; i++)
        {
            site.Write($"content/posts/one-{i}.md", TestSite.Article(title: $"Un tag {i}", date: $"2024-02-0{i}", extra: "tags: [IA]\n"));
        }

        site.Write("content/posts/unrelated.md", TestSite.Article(title: "Sans rapport", extra: "tags: [Sport]\n"));
        site.BuildSuccessfully();

        var related = site.ParseOutput("2024/09/main/index.html").QuerySelectorAll(".related .card__title a").Select(a => a.TextContent).ToList();
        Assert.Equal(4, related.Count);
        Assert.Equal("Deux tags", related[0]);
        Assert.DoesNotContain("Sans rapport", related);
        Assert.DoesNotContain("Principal", related);
    }

    [Fact]
    public void English_article_gets_english_strings_and_typography()
    {
        using var site = Site(TestSite.Article(title: "It's \"here\"", extra: "lang: en\nreview: { name: X, pros: [Fast] }\nsources: [The Verge]\n"));
        site.BuildSuccessfully();
        var page = site.ParseOutput("2024/09/a/index.html");

        Assert.Equal("It’s “here”", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Source: ", page.QuerySelector(".sources")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Pros", page.QuerySelector(".review-box h3")!.TextContent);
        Assert.Contains("min read", page.QuerySelector(".byline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Typography_none_in_site_yml_turns_it_off()
    {
        using var site = Site(TestSite.Article(title: "Test : \"oui\""), "title: T\ntypography: none\n");
        site.BuildSuccessfully();

        Assert.Equal("Test : \"oui\"", site.ParseOutput("2024/09/a/index.html").QuerySelector("h1")!.TextContent);
    }
}
