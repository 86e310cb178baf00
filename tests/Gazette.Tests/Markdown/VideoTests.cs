using Gazette.Markdown.Videos;
using Gazette.Tests.Support;

namespace Gazette.Tests.Markdown;

/// <summary>A video link alone on its line becomes a click-to-play facade the theme renders.</summary>
public class VideoTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?t=1m30s", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90")]
    [InlineData("https://m.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")]
    [InlineData("https://vimeo.com/76979871", "Vimeo", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1")]
    [InlineData("https://www.dailymotion.com/video/x8abcd1", "Dailymotion", "https://www.dailymotion.com/video/x8abcd1", "https://geo.dailymotion.com/player.html?video=x8abcd1&autoplay=1")]
    [InlineData("https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d", "PeerTube", "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d", "https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1&warningTitle=0")]
    public void Known_hosts_play_from_their_privacy_enhanced_player(string url, string host, string page, string embed)
    {
        var video = VideoLinks.Parse(url);

        Assert.NotNull(video);
        Assert.Equal((host, page, embed), (video.Host, video.Url, video.EmbedUrl));
    }

    [Theory]
    [InlineData("https://www.youtube.com/channel/UCabc")]
    [InlineData("https://www.youtube.com/watch?v=short")]
    [InlineData("https://vimeo.com/about")]
    [InlineData("https://example.com/w/")]
    [InlineData("/2024/09/a/")]
    public void Other_links_are_not_videos(string url) => Assert.Null(VideoLinks.Parse(url));

    private const string Site = """
        -- site.yml --
        title: Test
        base_url: https://example.com/
        -- layouts/baseof.html --
        {{ content }}
        -- layouts/article.html --
        {{ page.content_html }}videos={{ array.size page.videos }}
        """;

    private const string VideoPartial =
        "<video-place host=\"{{ model.host }}\" title=\"{{ model.title }}\" poster=\"{{ model.poster?.url }}\" credit=\"{{ model.poster?.credit_text }}\">{{ model.embed_url }}</video-place>";

    [Fact]
    public void A_bare_url_a_link_an_image_link_and_a_linked_photo_each_become_a_video()
    {
        using var site = new TestSite(Site);
        site.Write("layouts/partials/video.html", VideoPartial);
        site.Write("content/posts/a/index.md", TestSite.Article(body: """
            Avant.

            https://youtu.be/dQw4w9WgXcQ

            [La keynote](https://vimeo.com/76979871)

            ![Démonstration](https://www.dailymotion.com/video/x8abcd1)

            [![Sur scène](scene.jpg "Le lancement © Studio")](https://youtu.be/dQw4w9WgXcQ)

            Un lien dans une phrase : https://youtu.be/dQw4w9WgXcQ reste un lien.
            """));
        site.WriteBytes("content/posts/a/scene.jpg", TestImages.Jpeg(800, 450));
        site.BuildSuccessfully();

        Assert.Equal("""
            <p>Avant.</p>
            <video-place host="YouTube" title="" poster="" credit="">https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1</video-place>
            <video-place host="Vimeo" title="La keynote" poster="" credit="">https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1</video-place>
            <video-place host="Dailymotion" title="Démonstration" poster="" credit="">https://geo.dailymotion.com/player.html?video=x8abcd1&amp;autoplay=1</video-place>
            <video-place host="YouTube" title="Sur scène" poster="/2024/09/a/scene.jpg" credit="Studio">https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1</video-place>
            <p>Un lien dans une phrase : <a href="https://youtu.be/dQw4w9WgXcQ">https://youtu.be/dQw4w9WgXcQ</a> reste un lien.</p>
            videos=4
            """.Replace(" : ", "\u00A0: ", StringComparison.Ordinal), site.ReadOutput("2024/09/a/index.html").TrimEnd('\n'));
        Assert.True(site.OutputExists("2024/09/a/scene-480w.webp")); // the poster is a photo like the others
    }

    [Fact]
    public void The_default_theme_shows_a_link_to_the_video_page_and_nothing_from_the_host_until_clicked()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: Test
            base_url: https://example.com/
            """);
        site.Write("content/posts/a/index.md", TestSite.Article(body: "[La keynote](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"));
        site.BuildSuccessfully();

        var page = site.ParseOutput("2024/09/a/index.html");
        var figure = Assert.Single(page.QuerySelectorAll("figure.video"));
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", figure.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", figure.GetAttribute("data-embed"));
        Assert.Equal("Lire la vidéo\u00A0: La keynote (YouTube)", figure.GetAttribute("data-play"));
        // Without a poster the title is on the block, and the caption names the host only (the title is read once).
        Assert.Equal("La keynote", figure.QuerySelector(".video__title")!.TextContent);
        Assert.Equal("Vidéo sur YouTube", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("iframe"));
        // Nothing on the page points at the host but the link and the player address in data-embed.
        Assert.All(page.QuerySelectorAll("[src]"), e => Assert.DoesNotContain("youtube", e.GetAttribute("src")!, StringComparison.Ordinal));
        Assert.Equal("/assets/js/video.js", page.QuerySelector("script[src$='video.js']")!.GetAttribute("src"));
    }

    [Fact]
    public void A_theme_without_a_video_partial_shows_the_authors_link()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: Test
            base_url: https://example.com/
            theme: plain
            -- themes/plain/layouts/baseof.html --
            {{ content }}
            -- themes/plain/layouts/article.html --
            {{ page.content_html }}
            -- themes/plain/layouts/list.html --
            list
            -- themes/plain/layouts/page.html --
            page
            -- themes/plain/layouts/terms.html --
            terms
            -- themes/plain/layouts/404.html --
            404
            """, withDefaultTheme: false);
        site.Write("content/posts/a/index.md", TestSite.Article(body: "[La keynote](https://vimeo.com/76979871)"));
        site.BuildSuccessfully();

        Assert.Equal("<p><a href=\"https://vimeo.com/76979871\">La keynote</a></p>", site.ReadOutput("2024/09/a/index.html").Trim());
    }
}
