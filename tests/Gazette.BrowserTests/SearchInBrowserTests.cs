using Microsoft.Playwright;

namespace Gazette.BrowserTests;

/// <summary>The search a reader uses: typed in the header, answered on the search page from
/// Pagefind's index with the site's own requests only, followed by keyboard; and the 404 page's
/// search for the missing address's words.</summary>
public sealed class SearchInBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private const string GuideTitle = "Faire tourner une IA sur son PC";

    private static void SkipWithoutSearch()
    {
        if ((SampleSiteFixture.SkipReason ?? SampleSiteFixture.SearchSkipReason) is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    private async Task<(IPage Page, List<string> Outside)> Open(string path, int width)
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.Home.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                lock (outside)
                {
                    outside.Add(request.Url);
                }
            }
        };
        await page.GotoAsync(new Uri(site.Home, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return (page, outside);
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1366)]
    public async Task A_query_typed_in_the_header_finds_the_article_first_and_the_keyboard_follows_it(int width)
    {
        SkipWithoutSearch();
        var (page, outside) = await Open("", width);

        await page.FillAsync("#site-search", "LocalMind");
        await SampleSiteFixture.Follow(page, () => page.PressAsync("#site-search", "Enter"), "**/gazette/recherche/?q=LocalMind");
        var first = page.Locator(".search-results li").First;
        await first.WaitForAsync();
        Assert.StartsWith(GuideTitle, await first.Locator("h2 a").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Intelligence artificielle", await first.Locator(".search-results__meta").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("LocalMind", await first.Locator("mark").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Matches("^\\d+ résultats? pour «\u00a0LocalMind\u00a0»$", await page.TextContentAsync("[data-search-status]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleSiteFixture.ScreenshotFolder, $"search-typed-{width}.png"), FullPage = true });

        // From the field, Tab passes the button and reaches the first result; Enter follows it.
        await page.FocusAsync("#search-query");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.StartsWith(GuideTitle, await page.EvaluateAsync<string>("document.activeElement.textContent"), StringComparison.Ordinal);
        await SampleSiteFixture.Follow(page, () => page.Keyboard.PressAsync("Enter"), "**/gazette/2024/11/guide-ia-locale/");
        Assert.StartsWith(GuideTitle, await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(outside);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Results_follow_the_query_as_it_is_typed_and_say_when_there_are_none()
    {
        SkipWithoutSearch();
        var (page, _) = await Open("recherche/", 1366);

        await page.FillAsync("#search-query", "Pixel");
        await page.Locator(".search-results li h2 a", new PageLocatorOptions { HasText = "Pixel 9 Pro" }).First.WaitForAsync();
        await page.FillAsync("#search-query", "zzzxqw");
        await page.WaitForFunctionAsync("document.querySelector('[data-search-status]').textContent.startsWith('Aucun résultat')");
        Assert.Equal(0, await page.Locator(".search-results li").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_english_page_searches_the_english_articles_and_speaks_english()
    {
        SkipWithoutSearch();
        var (page, outside) = await Open("en/", 375);

        await page.FillAsync("#site-search", "office");
        await SampleSiteFixture.Follow(page, () => page.PressAsync("#site-search", "Enter"), "**/gazette/en/search/?q=office");
        var first = page.Locator(".search-results li h2 a").First;
        await first.WaitForAsync();
        Assert.Equal("OpenAI opens an office in Paris", await first.TextContentAsync());
        Assert.Equal("1 result for “office”", await page.TextContentAsync("[data-search-status]"));
        await SampleSiteFixture.Follow(page, () => first.ClickAsync(), "**/gazette/en/2024/09/openai-opens-an-office-in-paris/");
        Assert.Empty(outside);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_404_page_searches_the_words_of_the_missing_address()
    {
        SkipWithoutSearch();
        var (page, outside) = await Open("2024/11/guide-ia-locale-pc/", 375);

        Assert.Equal("guide ia locale pc", await page.InputValueAsync("#search-query"));
        var first = page.Locator(".search-results li h2 a").First;
        await first.WaitForAsync();
        Assert.StartsWith(GuideTitle, await first.TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(outside);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleSiteFixture.ScreenshotFolder, "search-404-375.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
