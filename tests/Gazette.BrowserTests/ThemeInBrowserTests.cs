using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Gazette.BrowserTests;

/// <summary>The default theme in a real browser: clean loads, visible credits, phone menu, dark
/// mode, accessibility (axe-core), weight and loading budgets, valid HTML (Nu Html Checker).</summary>
public sealed class ThemeInBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "home", "" },
        { "article", "2024/11/guide-ia-locale/" },
        { "tag", "tags/open-source/" },
        { "404", "404.html" },
        { "search", "recherche/?q=LocalMind" },
        { "english-article", "en/2024/09/openai-opens-an-office-in-paris/" },
    };

    private static void SkipWithoutChromium()
    {
        if (SampleSiteFixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    private async Task<(IPage Page, List<string> Problems)> Open(string path, int width, ColorScheme scheme = ColorScheme.Light)
    {
        if (path.StartsWith("recherche/", StringComparison.Ordinal) && SampleSiteFixture.SearchSkipReason is { } noSearch)
        {
            Assert.Skip(noSearch);
        }

        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console error: " + message.Text);
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"failed request: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        await page.GotoAsync(new Uri(site.Home, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return (page, problems);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_loads_without_console_error_or_failed_request_and_is_screenshotted(string name, string path)
    {
        SkipWithoutChromium();
        foreach (var width in new[] { 375, 1280 })
        {
            var (page, problems) = await Open(path, width);
            Assert.Empty(problems);
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{name} scrolls sideways at {width}px ({scrollWidth}px wide)");
            // Load lazy photos so the full-page screenshot shows them.
            await page.EvaluateAsync("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleSiteFixture.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_horizontal_scrolling_from_320_to_1920_pixels(string name, string path)
    {
        SkipWithoutChromium();
        foreach (var width in new[] { 320, 768, 1920 })
        {
            var (page, _) = await Open(path, width);
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            await page.Context.CloseAsync();
            Assert.True(scrollWidth <= width, $"{name} scrolls sideways at {width}px ({scrollWidth}px wide)");
        }
    }

    [Fact]
    public async Task Unknown_url_shows_the_404_page()
    {
        SkipWithoutChromium();
        var (page, _) = await Open("no/such/page/", 1280);
        Assert.Equal("404", await page.TextContentAsync(".not-found__code"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("2024/11/guide-ia-locale/")]
    [InlineData("")]
    public async Task Every_photo_shows_its_credit(string path)
    {
        SkipWithoutChromium();
        var (page, _) = await Open(path, 1280);
        var figures = await page.QuerySelectorAllAsync("main figure");
        Assert.NotEmpty(figures);
        foreach (var figure in figures)
        {
            var credit = await figure.QuerySelectorAsync(".credit");
            Assert.NotNull(credit);
            await credit.ScrollIntoViewIfNeededAsync();
            Assert.True(await credit.IsVisibleAsync(), "credit hidden: " + await figure.InnerHTMLAsync());
            Assert.StartsWith("©", (await credit.TextContentAsync())!.Trim(), StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Menu_works_on_a_phone_without_javascript()
    {
        SkipWithoutChromium();
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 800 },
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Home.ToString());
        var links = page.Locator(".site-nav a");
        Assert.True(await links.CountAsync() >= 3);
        var last = links.Last;
        await last.ScrollIntoViewIfNeededAsync();
        Assert.True(await last.IsVisibleAsync());
        var href = await last.GetAttributeAsync("href");
        await last.ClickAsync();
        Assert.EndsWith(href!, page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Dark_mode_follows_the_system_preference()
    {
        SkipWithoutChromium();
        async Task<double> Luminance(ColorScheme scheme)
        {
            var (page, _) = await Open("", 1280, scheme);
            var color = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
            await page.Context.CloseAsync();
            var parts = color.Replace("rgb(", "").Replace("rgba(", "").Replace(")", "").Split(',').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
        }

        Assert.True(await Luminance(ColorScheme.Light) > 200);
        Assert.True(await Luminance(ColorScheme.Dark) < 50);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_accessibility_violation_in_light_and_dark(string name, string path)
    {
        SkipWithoutChromium();
        var axe = Path.Combine(SampleSiteFixture.RepositoryRoot, "tests", "Gazette.BrowserTests", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(axe))
        {
            Assert.Skip($"axe-core is not installed ({axe}); run npm ci in tests/Gazette.BrowserTests (.ci/run does)");
        }

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var (page, _) = await Open(path, 1280, scheme);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
            var result = await page.EvaluateAsync<JsonElement>(
                "async () => { const r = await axe.run(); return { passes: r.passes.length, violations: r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')') }; }");
            await page.Context.CloseAsync();
            Assert.True(result.GetProperty("passes").GetInt32() > 10, "axe did not run its rules");
            var violations = result.GetProperty("violations").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.True(violations.Count == 0, $"{name} ({scheme}): {string.Join("; ", violations)}");
        }
    }

    [Fact]
    public async Task Article_weighs_under_50_kb_without_images_and_blocks_on_one_stylesheet_only()
    {
        SkipWithoutChromium();
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        long bytes = 0;
        var counted = new List<string>();
        page.Response += async (_, response) =>
        {
            var type = response.Request.ResourceType;
            if (type is "document" or "stylesheet" or "script")
            {
                var body = await response.BodyAsync();
                Interlocked.Add(ref bytes, body.Length);
                lock (counted)
                {
                    counted.Add($"{type} {response.Url} {body.Length}");
                }
            }
        };
        await page.GotoAsync(new Uri(site.Home, "2024/11/guide-ia-locale/").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(bytes < 50_000, $"{bytes} bytes: {string.Join(", ", counted)}");

        var blocking = await page.EvaluateAsync<int>("document.querySelectorAll('head link[rel=stylesheet], head script:not([defer]):not([async]):not([type=\"application/ld+json\"])').length");
        Assert.Equal(1, blocking);
        var images = await page.QuerySelectorAllAsync("img");
        foreach (var image in images)
        {
            Assert.NotNull(await image.GetAttributeAsync("width"));
            Assert.NotNull(await image.GetAttributeAsync("height"));
            var top = await image.EvaluateAsync<double>("i => i.getBoundingClientRect().top + scrollY");
            if (top > 1200)
            {
                Assert.Equal("lazy", await image.GetAttributeAsync("loading"));
            }
        }

        await context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_passes_the_nu_html_checker()
    {
        var vnu = Path.Combine(SampleSiteFixture.RepositoryRoot, "tests", "Gazette.BrowserTests", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (!File.Exists(vnu))
        {
            Assert.Skip($"the Nu Html Checker is not installed ({vnu}); run npm ci in tests/Gazette.BrowserTests (.ci/run does)");
        }

        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-jar", vnu, "--skip-non-html", "--Werror", "--format", "gnu", site.OutputDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"vnu found errors or warnings:\n{await errors}{output}");
        Assert.True(Directory.EnumerateFiles(site.OutputDirectory, "*.html", SearchOption.AllDirectories).Count() > 20);
    }
}
