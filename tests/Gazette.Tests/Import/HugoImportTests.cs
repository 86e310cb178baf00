using Gazette.Diagnostics;
using Gazette.Import;
using Gazette.Tests.Support;

namespace Gazette.Tests.Import;

/// <summary>
/// <c>gazette import hugo</c> on an inline Hugo site: TOML front matter and configuration, a page
/// bundle with its resources, built-in shortcodes, section permalinks, data/authors, a top-level page,
/// and a shortcode of the site's own that must be reported.
/// </summary>
public class HugoImportTests
{
    private const string NewSite = """
        -- site.yml --
        title: "Nouveau site"
        base_url: "https://example.org/"
        language: fr
        timezone: Europe/Paris
        permalinks:
          article: "/{year}/{month}/{slug}/"
        """;

    private static TestSite OldHugoSite()
    {
        var old = new TestSite("""
            -- hugo.toml --
            baseURL = "https://old.example.com/"
            title = "Old Hugo"
            languageCode = "en-us"
            timeZone = "Europe/London"
            [permalinks]
            posts = "/:year/:month/:day/:slug/"
            [params]
            description = "A Hugo blog"
            -- data/authors/jane.yaml --
            name: Jane Doe
            bio: Hugo user.
            -- content/posts/bundle-post/index.md --
            +++
            title = "Bundle post"
            date = 2021-05-04T09:00:00+02:00
            slug = "the-bundle"
            tags = ["go", "web"]
            categories = ["Dev"]
            author = "jane"
            images = ["cover.png"]
            draft = false
            +++

            {{< figure src="photo.png" alt="A photo" caption="Légende" attr="Jane Doe" >}}

            {{< youtube dQw4w9WgXcQ >}}

            {{< highlight go >}}
            fmt.Println("hi")
            {{< /highlight >}}

            See [the other]({{< ref "other.md" >}}) and `{{</* figure src="x" */>}}`.

            {{< newsletter >}}
            -- content/posts/other.md --
            ---
            title: Other
            date: 2020-01-02
            aliases: [/old/other/]
            ---

            Other text.

            <div class="wide">
            <img alt="A chart"
                 src="/images/chart.png"/>
            </div>
            -- content/posts/_index.md --
            ---
            title: Posts
            ---
            -- content/about.md --
            ---
            title: About
            ---

            About us.
            """, withDefaultTheme: false);
        old.WriteBytes("content/posts/bundle-post/cover.png", TestImages.Png(1200, 630));
        old.WriteBytes("content/posts/bundle-post/photo.png", TestImages.Png(800, 600));
        old.WriteBytes("static/images/chart.png", TestImages.Png(600, 300));
        return old;
    }

    [Fact]
    public void A_bundle_comes_in_with_its_resources_its_shortcodes_converted_and_its_old_url_as_an_alias()
    {
        using var old = OldHugoSite();
        using var site = new TestSite(NewSite);
        var diagnostics = new DiagnosticBag();

        var summary = SiteImporter.Import(OldGenerator.Hugo, old.Directory, site.Directory, diagnostics);

        Assert.Equal(new ImportSummary(Articles: 2, Pages: 1, Files: 3, Skipped: 0, Aliases: 3), summary);
        Assert.Equal("""
            ---
            title: "Bundle post"
            date: 2021-05-04T09:00:00+02:00
            author: jane
            category: "Dev"
            tags: ["go", "web"]
            image:
              src: "cover.png"
              alt: ""
            aliases:
              - "/2021/05/04/the-bundle/"
            ---

            ![A photo](photo.png "Légende © Jane Doe")

            <iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube" width="560" height="315" loading="lazy" allowfullscreen></iframe>

            ```go
            fmt.Println("hi")
            ```

            See [the other](/2020/01/other/) and `{{< figure src="x" >}}`.

            {{< newsletter >}}

            """, File.ReadAllText(Path.Combine(site.Directory, "content/posts/the-bundle/index.md")).ReplaceLineEndings("\n"));
        Assert.Contains("content/posts/bundle-post/index.md:22:1: warning GZ0802: shortcode '{{< newsletter >}}' cannot be converted and stays as text; rewrite it in Markdown",
            diagnostics.ToList().Select(d => d.ToString()));
    }

    [Fact]
    public void A_date_only_post_stays_date_only_and_the_new_site_builds_with_every_old_url_kept()
    {
        using var old = OldHugoSite();
        using var site = new TestSite(NewSite);

        SiteImporter.Import(OldGenerator.Hugo, old.Directory, site.Directory, new DiagnosticBag());
        site.BuildSuccessfully();

        Assert.Equal("""
            ---
            title: "Other"
            date: 2020-01-02
            aliases:
              - "/2020/01/02/other/"
              - "/old/other/"
            ---

            Other text.

            <div class="wide">
            <img alt="A chart"
                 src="chart.png"/>
            </div>

            """, File.ReadAllText(Path.Combine(site.Directory, "content/posts/other/index.md")).ReplaceLineEndings("\n"));
        Assert.Contains("<img alt=\"A chart\" src=\"/2020/01/other/chart.png\" width=\"600\" height=\"300\">", site.ReadOutput("2020/01/other/index.html"), StringComparison.Ordinal);
        Assert.Contains("jane:\n    name: \"Jane Doe\"\n    bio: \"Hugo user.\"", File.ReadAllText(Path.Combine(site.Directory, "site.yml")).ReplaceLineEndings("\n"));
        foreach (var alias in new[] { "2021/05/04/the-bundle/index.html", "2020/01/02/other/index.html", "old/other/index.html" })
        {
            Assert.True(site.OutputExists(alias), $"no redirect page {alias}");
        }

        Assert.True(site.OutputExists("2021/05/the-bundle/photo.png"));
        Assert.True(site.OutputExists("about/index.html"));
    }

    [Fact]
    public void Players_gists_tweets_and_an_own_url_are_converted()
    {
        using var old = new TestSite("""
            -- config.yaml --
            baseURL: https://old.example.com/
            title: Old
            -- content/post/embeds.md --
            ---
            title: Embeds
            date: 2022-03-04T08:00:00Z
            url: /special/embeds.html
            ---

            {{< vimeo 123456 >}}

            {{< gist spf13 7896402 >}} and {{< tweet user="gohugoio" id="877500564405444608" >}}.
            """, withDefaultTheme: false);
        using var site = new TestSite(NewSite);

        SiteImporter.Import(OldGenerator.Hugo, old.Directory, site.Directory, new DiagnosticBag());

        Assert.Equal("""
            ---
            title: "Embeds"
            date: 2022-03-04T08:00:00+00:00
            aliases:
              - "/special/embeds.html"
            ---

            <iframe src="https://player.vimeo.com/video/123456" title="Vimeo" width="560" height="315" loading="lazy" allowfullscreen></iframe>

            [gist spf13/7896402](https://gist.github.com/spf13/7896402) and [@gohugoio on X](https://x.com/gohugoio/status/877500564405444608).

            """, File.ReadAllText(Path.Combine(site.Directory, "content/posts/embeds/index.md")).ReplaceLineEndings("\n"));
        site.BuildSuccessfully();
        Assert.True(site.OutputExists("special/embeds.html"));
        Assert.Contains("https://player.vimeo.com/video/123456", site.ReadOutput("2022/03/embeds/index.html"), StringComparison.Ordinal);
    }
}
