using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Photos;

/// <summary>The site's icons: made from the logo's start, or from <c>favicon:</c>, which is also linked as written.</summary>
public class SiteIconsTests
{
    private const string Layouts = """
        -- layouts/baseof.html --
        {{ content }}
        -- layouts/list.html --
        {{ for icon in site.icons }}{{ icon.rel }} {{ icon.url }} {{ icon.type }} {{ icon.sizes }};{{ end }} logo={{ if site.logo }}{{ site.logo.url }} {{ site.logo.width }}x{{ site.logo.height }}{{ end }}
        """;

    private static (int Width, int Height, bool Alpha, double[] Pixel) Read(byte[] png)
    {
        using var image = NetVips.Image.NewFromBuffer(png);
        return (image.Width, image.Height, image.HasAlpha(), image.Getpoint(image.Width / 2, image.Height / 2));
    }

    [Fact]
    public void A_wide_logo_gives_a_tab_icon_and_an_opaque_touch_icon_cut_from_its_left_square()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Le Fil\nbase_url: https://example.org/news/\npublisher:\n  name: Le Fil\n  logo: /images/logo.jpg\n" + Layouts);
        // Red on its left half, blue on its right: the mark, then the name.
        site.WriteBytes("content/images/logo.jpg", TestImages.Halves(400, 100));
        site.BuildSuccessfully();

        Assert.Equal("icon /news/favicon-32.png image/png 32x32;apple-touch-icon /news/apple-touch-icon.png  180x180; logo=/news/images/logo.jpg 400x100",
            site.ReadOutput("index.html").Trim());
        var tab = Read(File.ReadAllBytes(Path.Combine(site.OutputDirectory, "favicon-32.png")));
        var touch = Read(File.ReadAllBytes(Path.Combine(site.OutputDirectory, "apple-touch-icon.png")));
        Assert.Equal((32, 32), (tab.Width, tab.Height));
        Assert.Equal((180, 180, false), (touch.Width, touch.Height, touch.Alpha));
        foreach (var pixel in new[] { tab.Pixel, touch.Pixel })
        {
            Assert.True(pixel[0] > 200 && pixel[2] < 60, $"the icon's middle is not the logo's red start: {string.Join(",", pixel)}");
        }
    }

    [Fact]
    public void A_favicon_is_linked_as_written_before_the_icons_made_from_it()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Le Fil\nfavicon: /images/icon.svg\n" + Layouts);
        site.Write("content/images/icon.svg", """<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#c8102e"/></svg>""");
        site.BuildSuccessfully();

        Assert.Equal("icon /images/icon.svg image/svg+xml ;icon /favicon-32.png image/png 32x32;apple-touch-icon /apple-touch-icon.png  180x180; logo=",
            site.ReadOutput("index.html").Trim());
        Assert.Equal(180, Read(File.ReadAllBytes(Path.Combine(site.OutputDirectory, "apple-touch-icon.png"))).Width);
    }

    [Fact]
    public void A_content_file_named_as_an_icon_is_an_error_and_the_previous_site_stays()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Le Fil\npublisher:\n  name: Le Fil\n  logo: /images/logo.jpg\n" + Layouts);
        site.WriteBytes("content/images/logo.jpg", TestImages.Halves(400, 100));
        site.BuildSuccessfully();
        var before = site.ReadOutput("index.html");
        site.WriteBytes("content/apple-touch-icon.png", TestImages.Png(180, 180));

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.OutputCollision, error.Code);
        Assert.Contains("apple-touch-icon.png", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, site.ReadOutput("index.html"));
    }

    [Fact]
    public void Without_a_logo_nor_a_favicon_there_is_no_icon()
    {
        using var site = new TestSite("-- site.yml --\ntitle: Le Fil\n" + Layouts);
        site.BuildSuccessfully();

        Assert.Equal("logo=", site.ReadOutput("index.html").Trim());
        Assert.False(site.OutputExists("favicon-32.png"));
    }
}
