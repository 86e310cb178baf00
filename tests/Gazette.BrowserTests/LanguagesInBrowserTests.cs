using Microsoft.Playwright;

namespace Gazette.BrowserTests;

/// <summary>The sample site in French and English: the switcher in the header goes to the page's
/// translation, or to the other language's home when there is none, by touch on a phone.</summary>
public sealed class LanguagesInBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private async Task<IPage> Open(string path, int width)
    {
        if (SampleSiteFixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            HasTouch = width < 600,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Home, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return page;
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1366)]
    public async Task The_switcher_goes_to_the_translation_and_back(int width)
    {
        var page = await Open("2024/09/openai-ouvre-un-bureau-a-paris/", width);

        var english = page.Locator(".language-switcher a[hreflang=en]");
        Assert.Equal("English", await english.TextContentAsync());
        // By touch on a phone, by mouse on a desktop.
        await SampleSiteFixture.Follow(page, () => width < 600 ? english.TapAsync() : english.ClickAsync(), "**/gazette/en/2024/09/openai-opens-an-office-in-paris/");
        Assert.Equal("OpenAI opens an office in Paris", await page.Locator("h1").TextContentAsync());
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Published September 25, 2024", await page.TextContentAsync(".byline"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleSiteFixture.ScreenshotFolder, $"english-article-switched-{width}.png") });

        await SampleSiteFixture.Follow(page, () => page.ClickAsync(".language-switcher a[hreflang=fr]"), "**/gazette/2024/09/openai-ouvre-un-bureau-a-paris/");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_page_without_translation_leads_to_the_other_languages_home()
    {
        var page = await Open("2024/11/guide-ia-locale/", 1366);

        await SampleSiteFixture.Follow(page, () => page.ClickAsync(".language-switcher a[hreflang=en]"), "**/gazette/en/");
        Assert.Equal("The Tech Wire", await page.TextContentAsync("main h1"));
        await page.Context.CloseAsync();
    }
}
