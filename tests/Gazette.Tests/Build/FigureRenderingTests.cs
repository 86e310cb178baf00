using AngleSharp.Dom;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary>Photos with credits, written in plain Markdown, rendered as figures.</summary>
public class FigureRenderingTests
{
    private const string Site = """
        -- site.yml --
        title: Test
        base_url: https://example.com/
        """;

    private static TestSite SiteWithArticle(string body, string extraFrontMatter = "")
    {
        var site = new TestSite(Site);
        site.Write("content/posts/a/index.md", TestSite.Article(extra: extraFrontMatter, body: body));
        site.WriteBytes("content/posts/a/paris.jpg", TestImages.Jpeg(1200, 800));
        site.WriteBytes("content/images/shared.png", TestImages.Png(64, 48));
        return site;
    }

    private static IElement Body(TestSite site) =>
        site.ParseOutput("2024/09/a/index.html").QuerySelector(".article__body")!;

    /// <summary>The default theme's rule: a caption is what the author wrote (an alt text is never
    /// shown as one), a caption equal to the alt text reaches a screen reader once, "©" is bound to
    /// the name after it, and a list's lead photo shows its credit without the article's caption.</summary>
    [Fact]
    public void Captions_are_the_authors_said_once_with_the_credit_bound_to_its_sign()
    {
        using var site = SiteWithArticle("![Le port de Marseille](paris.jpg \"Le port de Marseille © Agence\")\n\n![Une rue](paris.jpg \"La rue Oberkampf, le soir. © Agence\")",
            "image:\n  src: paris.jpg\n  alt: Vue des toits de Paris\n  credit: AFP\n");
        site.BuildSuccessfully();
        var page = site.ParseOutput("2024/09/a/index.html");

        var cover = page.QuerySelector(".figure--cover figcaption")!;
        Assert.Null(cover.QuerySelector(".caption")); // no caption written: the alt text is not shown as one
        Assert.Equal("©\u00a0AFP", cover.TextContent.Trim());
        var inline = page.QuerySelectorAll(".article__body figcaption .caption").ToList();
        Assert.Equal("true", inline[0].GetAttribute("aria-hidden")); // the same words as the alt text
        Assert.Null(inline[1].GetAttribute("aria-hidden"));
        Assert.Equal("La rue Oberkampf, le soir.", inline[1].TextContent);
        Assert.All(page.QuerySelectorAll(".credit"), credit => Assert.StartsWith("©\u00a0", credit.TextContent, StringComparison.Ordinal));

        var lead = site.ParseOutput("index.html").QuerySelector(".featured figcaption")!;
        Assert.Equal("©\u00a0AFP", lead.TextContent.Trim());
    }

    [Fact]
    public void A_figure_in_the_text_and_the_review_box_placed_in_it_are_rendered_by_the_theme_with_the_whole_site()
    {
        // Markdown leaves their places; the theme fills them as the page renders, as for a cover.
        using var site = SiteWithArticle("Avant.\n\n![Une photo](paris.jpg \"Légende © Agence\")\n\n{{< review >}}\n\nAprès.",
            "review:\n  name: Produit\n  score: 8\n");
        site.Write("layouts/baseof.html", "{{ content }}");
        site.Write("layouts/article.html", "{{ page.content_html }}|{{ page.content_html | string.size }}");
        site.Write("layouts/partials/figure.html", "<figure>{{ model.alt }} / {{ site.title }} / {{ array.size site.articles }}</figure>");
        site.Write("layouts/partials/review-box.html", "<aside>{{ model.name }} / {{ site.title }}</aside>");
        site.BuildSuccessfully();

        const string body = "<p>Avant.</p>\n<figure>Une photo / Test / 1</figure>\n<aside>Produit / Test</aside>\n<p>Après.</p>\n";
        Assert.Equal(body + "|" + body.Length, site.ReadOutput("2024/09/a/index.html"));
    }

    [Fact]
    public void Image_alone_in_its_paragraph_becomes_a_figure_with_caption_and_credit_as_separate_elements()
    {
        using var site = SiteWithArticle("""![Paris, la ville lumière](paris.jpg "Paris, la ville lumière, et bientôt celle de l'IA ? © Pixabay")""");
        site.BuildSuccessfully();

        var figure = Assert.Single(Body(site).QuerySelectorAll("figure"));
        var img = figure.QuerySelector("img")!;
        Assert.Equal("/2024/09/a/paris.jpg", img.GetAttribute("src"));
        Assert.Equal("Paris, la ville lumière", img.GetAttribute("alt"));
        Assert.Equal("1200", img.GetAttribute("width"));
        Assert.Equal("800", img.GetAttribute("height"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("async", img.GetAttribute("decoding"));
        var caption = figure.QuerySelector("figcaption")!;
        // French typography applies to captions: typographic apostrophe, narrow no-break space before "?".
        Assert.Equal("Paris, la ville lumière, et bientôt celle de l’IA\u202F?", caption.QuerySelector(".caption")!.TextContent);
        Assert.Equal("©\u00a0Pixabay", caption.QuerySelector(".credit")!.TextContent);
        Assert.Null(Body(site).QuerySelector("p > img"));
    }

    [Fact]
    public void Credit_only_title_gives_a_caption_with_only_the_credit()
    {
        using var site = SiteWithArticle("""![Toits](paris.jpg "© Rokas Tenys / Shutterstock")""");
        site.BuildSuccessfully();

        var caption = Body(site).QuerySelector("figure figcaption")!;
        Assert.Null(caption.QuerySelector(".caption"));
        Assert.Equal("©\u00a0Rokas Tenys / Shutterstock", caption.QuerySelector(".credit")!.TextContent);
    }

    [Fact]
    public void Image_without_title_is_still_a_figure_without_caption()
    {
        using var site = SiteWithArticle("![Toits](paris.jpg)");
        site.BuildSuccessfully();

        var figure = Assert.Single(Body(site).QuerySelectorAll("figure"));
        Assert.Null(figure.QuerySelector("figcaption"));
    }

    [Fact]
    public void Image_inside_a_sentence_stays_inline_and_is_sized()
    {
        using var site = SiteWithArticle("Un logo ![icône](/images/shared.png) dans la phrase.");
        site.BuildSuccessfully();

        Assert.Empty(Body(site).QuerySelectorAll("figure"));
        var img = Body(site).QuerySelector("p > img")!;
        Assert.Equal("/images/shared.png", img.GetAttribute("src"));
        Assert.Equal("64", img.GetAttribute("width"));
        Assert.Equal("48", img.GetAttribute("height"));
        Assert.True(site.OutputExists("images/shared.png"));
    }

    [Fact]
    public void Markdown_link_in_the_credit_becomes_a_link_and_emphasis_in_the_caption_is_rendered()
    {
        using var site = SiteWithArticle("""![Toits](paris.jpg "Vue *depuis* Montmartre © [Jane Doe](https://example.org/jane)")""");
        site.BuildSuccessfully();

        var caption = Body(site).QuerySelector("figcaption")!;
        Assert.Equal("depuis", caption.QuerySelector(".caption em")!.TextContent);
        var link = caption.QuerySelector(".credit a")!;
        Assert.Equal("https://example.org/jane", link.GetAttribute("href"));
        Assert.Equal("Jane Doe", link.TextContent);
    }

    [Fact]
    public void Cover_photo_renders_through_the_same_figure_partial_with_its_credit()
    {
        using var site = SiteWithArticle("Texte.", """
            image:
              src: paris.jpg
              alt: "Toits de Paris"
              caption: "Paris au petit matin"
              credit: "Rokas Tenys / Shutterstock"
              credit_url: https://example.org/rokas

            """);
        site.BuildSuccessfully();

        var cover = site.ParseOutput("2024/09/a/index.html").QuerySelector("article > figure.figure--cover")!;
        Assert.Equal("1200", cover.QuerySelector("img")!.GetAttribute("width"));
        Assert.Equal("Paris au petit matin", cover.QuerySelector(".caption")!.TextContent);
        Assert.Equal("©\u00a0Rokas Tenys / Shutterstock", cover.QuerySelector(".credit")!.TextContent);
        Assert.Equal("https://example.org/rokas", cover.QuerySelector(".credit a")!.GetAttribute("href"));

        // The home page card shows the same photo, with its credit too.
        var card = site.ParseOutput("index.html").QuerySelector("figure")!;
        Assert.Equal("/2024/09/a/paris.jpg", card.QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains("Rokas Tenys / Shutterstock", card.QuerySelector(".credit")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_image_is_an_error_at_the_markdown_line_and_column_that_references_it()
    {
        using var site = SiteWithArticle("Premier paragraphe.\n\nTexte et ![absente](absente.jpg) ici.");
        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ImageMissing);
        // Front matter: lines 1-4, blank line 5, "Premier" on 6, blank 7, the image on line 8 at column 10.
        Assert.Equal(new SourceLocation("content/posts/a/index.md", 8, 10), error.Location);
        Assert.Contains("absente.jpg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_cover_is_an_error_at_its_front_matter_line()
    {
        using var site = SiteWithArticle("Texte.", "image:\n  src: nowhere.jpg\n  alt: x\n");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ImageMissing);
        Assert.Equal(new SourceLocation("content/posts/a/index.md", 5, 8), error.Location);
    }
}
