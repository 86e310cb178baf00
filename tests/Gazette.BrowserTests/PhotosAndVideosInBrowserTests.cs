using Microsoft.Playwright;

namespace Gazette.BrowserTests;

/// <summary>What the browser actually fetches: the photo variant its screen needs, and nothing
/// from a video host until the reader plays the video.</summary>
public sealed class PhotosAndVideosInBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private const string Article = "2024/10/test-pixel-9-pro/";

    private static void SkipWithoutChromium()
    {
        if (SampleSiteFixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    private async Task<(IPage Page, List<string> Requests)> Open(int width, float density)
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            DeviceScaleFactor = density,
        });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(site.Home, Article).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return (page, requests);
    }

    // The inline night photo (1200 px wide, so 480, 800 and 1200 px variants) spans the column:
    // 375 − 2 × 16 = 343 CSS px on a phone, 1024 px on a desktop. Phones past 2x take about the 2x file.
    [Theory]
    [InlineData(375, 1f, "photo-nuit-480w.avif")]
    [InlineData(375, 2f, "photo-nuit-800w.avif")]
    [InlineData(375, 2.625f, "photo-nuit-800w.avif")]
    [InlineData(375, 3f, "photo-nuit-800w.avif")]
    [InlineData(1366, 1f, "photo-nuit-1200w.avif")]
    [InlineData(1366, 2f, "photo-nuit-1200w.avif")]
    public async Task The_browser_downloads_the_one_variant_its_screen_needs(int width, float density, string expected)
    {
        SkipWithoutChromium();
        var (page, requests) = await Open(width, density);
        await page.Locator("img[src$='photo-nuit.jpg']").ScrollIntoViewIfNeededAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("document.querySelector(\"img[src$='photo-nuit.jpg']\").complete");

        string[] fetched;
        lock (requests)
        {
            fetched = [.. requests.Where(r => r.Contains("photo-nuit", StringComparison.Ordinal)).Select(r => r[(r.LastIndexOf('/') + 1)..])];
        }

        Assert.Equal([expected], fetched);
        var shown = await page.EvaluateAsync<string>("document.querySelector(\"img[src$='photo-nuit.jpg']\").currentSrc");
        Assert.EndsWith(expected, shown, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1366)]
    public async Task The_video_asks_nothing_of_its_host_until_played_then_plays_from_youtube_nocookie(int width)
    {
        SkipWithoutChromium();
        var (page, requests) = await Open(width, 1f);
        // The player's address answers offline here; what counts is that it is asked only after the click.
        await page.RouteAsync("https://www.youtube-nocookie.com/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = "<!DOCTYPE html><title>player</title>",
        }));
        var button = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lire la vidéo : La présentation du Pixel 9 Pro par Google (YouTube)" });
        await button.ScrollIntoViewIfNeededAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleSiteFixture.ScreenshotFolder, $"video-{width}.png") });
        lock (requests)
        {
            Assert.DoesNotContain(requests, r => r.Contains("youtube", StringComparison.Ordinal) || r.Contains("ytimg", StringComparison.Ordinal)
                || r.Contains("google", StringComparison.Ordinal));
        }

        var asked = await page.RunAndWaitForRequestAsync(() => button.ClickAsync(),
            request => request.Url.StartsWith("https://www.youtube-nocookie.com/", StringComparison.Ordinal));

        Assert.Equal("https://www.youtube-nocookie.com/embed/Ml9dDsTEuyE?autoplay=1", asked.Url);
        var player = page.Locator("iframe.video__player");
        Assert.Equal("https://www.youtube-nocookie.com/embed/Ml9dDsTEuyE?autoplay=1", await player.GetAttributeAsync("src"));
        Assert.Equal("La présentation du Pixel 9\u00A0Pro par Google", await player.GetAttributeAsync("title")); // French typography
        Assert.Equal("iframe", await page.EvaluateAsync<string>("document.activeElement.localName")); // focus follows to the player
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_video_is_a_link_to_its_page()
    {
        SkipWithoutChromium();
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Home, Article).ToString());

        var link = page.Locator("figure.video a");
        Assert.Equal("https://www.youtube.com/watch?v=Ml9dDsTEuyE", await link.GetAttributeAsync("href"));
        Assert.Equal(0, await page.Locator("figure.video button").CountAsync());
        await context.CloseAsync();
    }
}
