using Microsoft.Playwright;

namespace Gazette.BrowserTests;

/// <summary>What a newsroom's reader sees of the default theme that only a browser shows: a
/// credit's "©" never ends a line without its name, printing gives the article with the site's
/// name and address and without the navigation, the site has icons, and a screen reader hears each
/// caption once.</summary>
public sealed class NewsroomThemeInBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private const string Article = "2024/09/openai-ouvre-un-bureau-a-paris/";

    private async Task<IPage> Open(string path, int width)
    {
        if (SampleSiteFixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Home, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return page;
    }

    // For each credit: the line of its "©" and the line of the first letter of the name after it.
    private const string CreditLines = """
        () => [...document.querySelectorAll('.credit')].map(credit => {
          const walker = document.createTreeWalker(credit, NodeFilter.SHOW_TEXT);
          const rectOf = (node, at) => { const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 1); return r.getBoundingClientRect(); };
          let sign = null, name = null;
          for (let node = walker.nextNode(); node && !name; node = walker.nextNode()) {
            for (let i = 0; i < node.data.length && !name; i++) {
              if (node.data[i] === '©') sign = rectOf(node, i);
              else if (sign && node.data[i].trim() !== '') name = rectOf(node, i);
            }
          }
          return !!sign && !!name && Math.abs(sign.top - name.top) < 2 ? '' : credit.textContent;
        })
        """;

    [Theory]
    [InlineData("", 320)]
    [InlineData("", 375)]
    [InlineData(Article, 320)]
    [InlineData(Article, 375)]
    [InlineData(Article, 1366)]
    public async Task A_credits_sign_stays_on_the_line_of_its_name(string path, int width)
    {
        var page = await Open(path, width);
        // Each credit gives "" when its sign and name share a line, else its text.
        var credits = await page.EvaluateAsync<string[]>(CreditLines);

        Assert.NotEmpty(credits);
        Assert.All(credits, credit => Assert.True(credit.Length == 0, $"'©' ends a line without its name in '{credit}' at {width} px"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_every_menu_item_is_on_screen_reached_by_keyboard_and_touch_and_the_section_is_marked()
    {
        if (SampleSiteFixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 }, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Home, Article).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var items = page.Locator(".site-nav a");
        var count = await items.CountAsync();
        Assert.Equal(5, count);
        for (var i = 0; i < count; i++)
        {
            var box = (await items.Nth(i).BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"menu item {i} is off screen ({box.X}..{box.X + box.Width})");
        }

        // The article's section is marked, the others are not.
        Assert.Equal("Intelligence artificielle", await page.TextContentAsync(".site-nav a[aria-current]"));
        Assert.Equal("true", await page.GetAttributeAsync(".site-nav a[aria-current]", "aria-current"));

        // Tab goes through every item in order.
        await page.FocusAsync(".site-title");
        var reached = new List<string>();
        for (var i = 0; i < count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("document.activeElement.textContent"));
        }

        Assert.Equal(await items.AllTextContentsAsync(), reached);

        // The last item, tapped, opens its page, where it is the current one.
        var last = items.Last;
        var href = await last.GetAttributeAsync("href");
        await SampleSiteFixture.Follow(page, () => last.TapAsync(), "**" + href);
        Assert.Equal("page", await page.GetAttributeAsync($".site-nav a[href='{href}']", "aria-current"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Printing_an_article_gives_its_text_with_the_sites_name_and_address_and_no_navigation()
    {
        var page = await Open(Article, 1366);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var heading = page.Locator(".print-only");
        Assert.True(await heading.IsVisibleAsync());
        // The address as the site publishes it (the fixture builds for http://localhost/gazette/).
        Assert.Equal($"Le Fil Tech — http://localhost/gazette/{Article}", (await heading.TextContentAsync())!.Trim());
        foreach (var hidden in new[] { ".site-header", ".breadcrumbs", ".related", ".prev-next", ".site-footer", ".heading-anchor" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"{hidden} is printed");
        }

        Assert.True(await page.Locator("h1").IsVisibleAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.False(await heading.IsVisibleAsync()); // on screen the header says it
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_site_has_icons_made_from_its_logo_that_load_at_their_sizes()
    {
        var page = await Open("", 1366);
        var icons = page.Locator("link[rel=icon], link[rel=apple-touch-icon]");

        Assert.Equal(2, await icons.CountAsync());
        foreach (var (selector, size) in new[] { ("link[rel=icon]", 32), ("link[rel=apple-touch-icon]", 180) })
        {
            var href = (await page.GetAttributeAsync(selector, "href"))!;
            var response = await page.APIRequest.GetAsync(new Uri(site.Home, href).ToString());
            Assert.Equal(200, response.Status);
            Assert.Equal("image/png", response.Headers["content-type"]);
            // The browser decodes it, square, at the size its link declares.
            var decoded = await page.EvaluateAsync<int[]>("async href => { const i = new Image(); i.src = href; await i.decode(); return [i.naturalWidth, i.naturalHeight]; }", href);
            Assert.Equal([size, size], decoded);
            Assert.Equal($"{size}x{size}", await page.GetAttributeAsync(selector, "sizes"));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_screen_reader_hears_a_caption_once_and_never_the_alt_text_as_a_caption()
    {
        if (SampleSiteFixture.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var folder = Directory.CreateTempSubdirectory("gazette-captions-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "content", "posts", "a"));
            File.WriteAllText(Path.Combine(folder, "site.yml"), "title: Le Fil\nimages:\n  resize: false\n");
            File.WriteAllText(Path.Combine(folder, "content", "posts", "a", "index.md"), """
                ---
                title: Les toits de Paris
                date: 2024-09-25T10:30:00+02:00
                image:
                  src: cover.svg
                  alt: Les toits de Paris au coucher du soleil
                  credit: Pixabay
                ---

                ![Un hall de start-up](hall.svg "Un hall de start-up © Station F")

                ![Une carte graphique](carte.svg "La carte fait toute la différence. © Le Fil Tech")
                """);
            foreach (var name in new[] { "cover", "hall", "carte" })
            {
                File.WriteAllText(Path.Combine(folder, "content", "posts", "a", name + ".svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"675\"><rect width=\"1200\" height=\"675\" fill=\"#345\"/></svg>");
            }

            var result = SiteBuilder.Build(new BuildOptions { SourceDirectory = folder, GazetteThemes = Path.Combine(SampleSiteFixture.RepositoryRoot, "themes") });
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            var context = await site.Browser!.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(folder, "_site", "2024", "09", "a", "index.html")).ToString());
            var figures = page.Locator("main figure");
            Assert.Equal(3, await figures.CountAsync());

            // What the accessibility tree holds inside each figure, as a screen reader reads it (the
            // figure's own name, its caption's text, is left out).
            async Task<string> Inside(int index) => string.Join("\n", (await figures.Nth(index).AriaSnapshotAsync()).Split('\n').Skip(1));
            var cover = await Inside(0);
            Assert.Contains("Les toits de Paris au coucher du soleil", cover, StringComparison.Ordinal);
            Assert.Single(Occurrences(cover, "Les toits de Paris au coucher du soleil")); // the alt, not also a caption nobody wrote
            Assert.Contains("© Pixabay", cover, StringComparison.Ordinal);
            var hall = await Inside(1);
            Assert.Single(Occurrences(hall, "Un hall de start-up")); // the caption says what the alt says: heard once
            Assert.Contains("© Station F", hall, StringComparison.Ordinal);
            Assert.True(await figures.Nth(1).Locator("figcaption").GetByText("Un hall de start-up").IsVisibleAsync(), "the caption the author wrote stays on screen");
            var carte = await Inside(2);
            Assert.True(Occurrences(carte, "Une carte graphique").Count() == 1, carte);
            Assert.True(Occurrences(carte, "La carte fait toute la différence.").Count() == 1, carte);
            await context.CloseAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<int> Occurrences(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + words.Length, StringComparison.Ordinal))
        {
            yield return at;
        }
    }
}
