using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Tests.Support;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Gazette.Tests.Photos;

/// <summary>Photos published as resized variants, cached by content, stripped of what the camera
/// wrote, credited in their own metadata.</summary>
public class PhotoPublishingTests
{
    private const string Site = """
        -- layouts/baseof.html --
        {{ content }}
        -- layouts/article.html --
        src={{ page.cover.url }} {{ page.cover.width }}x{{ page.cover.height }}
        srcset={{ page.cover.srcset }}
        {{ for source in page.cover.sources }}{{ source.type }}={{ source.srcset }}
        {{ end }}placeholder={{ page.cover.placeholder }}
        {{ for crop in page.cover.crops }}crop {{ crop.ratio }}={{ crop.url }} {{ crop.width }}x{{ crop.height }}
        {{ end }}
        -- site.yml --
        title: Test
        base_url: https://example.com/
        """;

    private static TestSite SiteWithCover(byte[] photo, string name = "cover.jpg", string extraImage = "", string config = "")
    {
        var site = new TestSite(Site + "\n" + config);
        site.Write("content/posts/a/index.md", TestSite.Article(
            extra: $"image:\n  src: {name}\n  alt: Une photo\n  credit: Agence Lumière / Test\n{extraImage}"));
        site.WriteBytes("content/posts/a/" + name, photo);
        return site;
    }

    private static ImageDimensions SizeOf(TestSite site, string output) =>
        ImageSize.Read(Path.Combine(site.OutputDirectory, output)) ?? throw new InvalidOperationException(output + " has no size");

    [Fact]
    public void A_photo_becomes_its_widths_in_avif_webp_and_its_own_format_never_wider_than_itself()
    {
        using var site = SiteWithCover(TestImages.Jpeg(1000, 500));
        site.BuildSuccessfully();

        var lines = site.ReadOutput("2024/09/a/index.html").Split('\n');
        Assert.Equal("src=/2024/09/a/cover.jpg 1000x500", lines[0]);
        Assert.Equal("srcset=/2024/09/a/cover-480w.jpg 480w, /2024/09/a/cover-800w.jpg 800w, /2024/09/a/cover.jpg 1000w", lines[1]);
        Assert.Equal("image/avif=/2024/09/a/cover-480w.avif 480w, /2024/09/a/cover-800w.avif 800w, /2024/09/a/cover-1000w.avif 1000w", lines[2]);
        Assert.Equal("image/webp=/2024/09/a/cover-480w.webp 480w, /2024/09/a/cover-800w.webp 800w, /2024/09/a/cover-1000w.webp 1000w", lines[3]);
        Assert.Equal(new ImageDimensions(480, 240), SizeOf(site, "2024/09/a/cover-480w.jpg"));
        Assert.Equal(new ImageDimensions(800, 400), SizeOf(site, "2024/09/a/cover-800w.webp"));
        Assert.Equal(new ImageDimensions(1000, 500), SizeOf(site, "2024/09/a/cover.jpg"));
        using var avif = NetVips.Image.NewFromFile(Path.Combine(site.OutputDirectory, "2024/09/a/cover-800w.avif"));
        Assert.Equal((800, 400), (avif.Width, avif.Height));
        Assert.False(site.OutputExists("2024/09/a/cover-1200w.jpg"));
    }

    [Fact]
    public void The_widths_come_from_site_yml_and_avif_can_be_turned_off()
    {
        using var site = SiteWithCover(TestImages.Jpeg(2400, 1600), config: "images:\n  widths: [320, 640]\n  avif: false\n");
        site.BuildSuccessfully();

        var lines = site.ReadOutput("2024/09/a/index.html").Split('\n');
        Assert.Equal("src=/2024/09/a/cover.jpg 640x427", lines[0]);
        Assert.Equal("image/webp=/2024/09/a/cover-320w.webp 320w, /2024/09/a/cover-640w.webp 640w", lines[2]);
        Assert.StartsWith("placeholder=", lines[3], StringComparison.Ordinal);
        Assert.Equal(new ImageDimensions(640, 427), SizeOf(site, "2024/09/a/cover.jpg"));
        Assert.Empty(site.OutputFiles("*.avif"));
    }

    [Fact]
    public void Published_files_carry_no_gps_position_serial_number_or_maker_notes_but_the_credit_as_xmp()
    {
        var camera = TestImages.CameraJpeg(900, 600);
        // The fixture does carry them, as a phone's photo does.
        var source = ImageMetadataReader.ReadMetadata(new MemoryStream(camera));
        Assert.NotNull(source.OfType<GpsDirectory>().SingleOrDefault()?.GetGeoLocation());
        Assert.Equal("SN-0320116738", source.OfType<ExifSubIfdDirectory>().First().GetString(ExifDirectoryBase.TagBodySerialNumber));

        using var site = SiteWithCover(camera);
        site.BuildSuccessfully();

        var published = site.OutputFiles().Where(f => f.StartsWith("2024/09/a/cover", StringComparison.Ordinal))
            .Select(f => Path.Combine(site.OutputDirectory, f)).ToList();
        Assert.Equal(12, published.Count); // 480, 800 and 900 px in AVIF, WebP and JPEG, and the 3 crops of a cover
        foreach (var file in published)
        {
            var bytes = File.ReadAllBytes(file);
            var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
            Assert.Empty(directories.OfType<GpsDirectory>());
            Assert.Empty(directories.OfType<ExifDirectoryBase>());
            Assert.True(bytes.AsSpan().IndexOf("SN-0320116738"u8) < 0, file);
            Assert.True(bytes.AsSpan().IndexOf("MAKERNOTE-SECRET"u8) < 0, file);
            Assert.True(bytes.AsSpan().IndexOf("Gazette Camera Co"u8) < 0, file);
            // The XMP packet, read as XML wherever the format keeps it (JPEG APP1, WebP and AVIF metadata).
            var xmp = System.Text.Encoding.UTF8.GetString(bytes);
            var start = xmp.IndexOf("<x:xmpmeta", StringComparison.Ordinal);
            var end = xmp.IndexOf("</x:xmpmeta>", StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, file + " has no XMP");
            var packet = System.Xml.Linq.XDocument.Parse(xmp[start..(end + "</x:xmpmeta>".Length)]);
            System.Xml.Linq.XNamespace photoshop = "http://ns.adobe.com/photoshop/1.0/", dc = "http://purl.org/dc/elements/1.1/";
            Assert.Equal("Agence Lumière / Test", packet.Descendants(photoshop + "Credit").Single().Value);
            Assert.Equal("© Agence Lumière / Test", packet.Descendants(dc + "rights").Single().Value);
            if (!file.EndsWith(".avif", StringComparison.Ordinal))
            {
                Assert.Equal("Agence Lumière / Test", EmbeddedCredit.Read(file).Credit); // as Gazette itself reads photos
            }
        }
    }

    [Fact]
    public void A_phone_photo_stored_sideways_is_published_upright_with_its_size_as_shown()
    {
        // Stored 900 × 600 with orientation 6 (turn 90° clockwise): taken upright, 600 × 900.
        using var site = SiteWithCover(TestImages.CameraJpeg(900, 600, orientation: 6));
        site.BuildSuccessfully();

        Assert.StartsWith("src=/2024/09/a/cover.jpg 600x900", site.ReadOutput("2024/09/a/index.html"), StringComparison.Ordinal);
        Assert.Equal(new ImageDimensions(600, 900), SizeOf(site, "2024/09/a/cover.jpg"));
        Assert.Equal(new ImageDimensions(480, 720), SizeOf(site, "2024/09/a/cover-480w.webp"));
        using var avif = NetVips.Image.NewFromFile(Path.Combine(site.OutputDirectory, "2024/09/a/cover-480w.avif"));
        Assert.Equal((480, 720), (avif.Width, avif.Height));
    }

    [Fact]
    public void A_cover_gets_the_three_news_crops_centred_on_its_focus()
    {
        // Left half red, right half blue: a square crop kept at the left is red, at the right blue.
        var halves = TestImages.Halves(1600, 900);
        string Crop(string focus)
        {
            using var site = SiteWithCover(halves, extraImage: $"  focus: [{focus}, 0.5]\n");
            site.BuildSuccessfully();
            var crops = site.ReadOutput("2024/09/a/index.html").Split('\n').Where(l => l.StartsWith("crop", StringComparison.Ordinal)).ToList();
            Assert.Equal(["crop 16:9=/2024/09/a/cover-16x9.jpg 1200x675", "crop 4:3=/2024/09/a/cover-4x3.jpg 1200x900",
                "crop 1:1=/2024/09/a/cover-1x1.jpg 900x900"], crops);
            using var square = NetVips.Image.NewFromFile(Path.Combine(site.OutputDirectory, "2024/09/a/cover-1x1.jpg"));
            return square[0].Avg() > square[2].Avg() ? "red" : "blue";
        }

        Assert.Equal("red", Crop("0.1"));
        Assert.Equal("blue", Crop("0.9"));
    }

    [Fact]
    public void The_placeholder_is_the_photos_average_colour()
    {
        using var site = SiteWithCover(TestImages.Halves(800, 400));
        site.BuildSuccessfully();

        var placeholder = site.ReadOutput("2024/09/a/index.html").Split('\n').Single(l => l.StartsWith("placeholder=", StringComparison.Ordinal));
        // Half pure red, half pure blue: about #800080 (JPEG moves each channel a little).
        var rgb = Convert.FromHexString(placeholder["placeholder=#".Length..]);
        Assert.InRange(rgb[0], 118, 138);
        Assert.InRange(rgb[1], 0, 10);
        Assert.InRange(rgb[2], 118, 138);
    }

    [Fact]
    public void A_focus_that_is_not_two_fractions_is_an_error_at_its_line()
    {
        using var site = SiteWithCover(TestImages.Jpeg(800, 400), extraImage: "  focus: [30, 40]\n");
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.YamlWrongType);
        Assert.Equal("content/posts/a/index.md", error.Location.Path);
        Assert.Equal(8, error.Location.Line); // ---, title, date, image, src, alt, credit, focus
        Assert.Contains("two numbers from 0 to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_and_gif_are_published_as_written()
    {
        using var site = new TestSite(Site.Replace("src={{ page.cover.url }}", "src={{ page.cover.url }} [{{ page.cover.srcset }}]", StringComparison.Ordinal));
        site.Write("content/posts/a/index.md", TestSite.Article(extra: "image:\n  src: logo.svg\n  alt: Logo\n  credit: Test\n",
            body: "![Anim](anim.gif \"© Test\")"));
        site.Write("content/posts/a/logo.svg", TestImages.Svg(120, 60));
        site.WriteBytes("content/posts/a/anim.gif", TestImages.Gif(10, 10));
        site.BuildSuccessfully();

        Assert.StartsWith("src=/2024/09/a/logo.svg [] 120x60", site.ReadOutput("2024/09/a/index.html"), StringComparison.Ordinal);
        Assert.Equal(TestImages.Svg(120, 60), File.ReadAllText(Path.Combine(site.OutputDirectory, "2024/09/a/logo.svg")));
        Assert.Equal(TestImages.Gif(10, 10), File.ReadAllBytes(Path.Combine(site.OutputDirectory, "2024/09/a/anim.gif")));
        Assert.Equal(["anim.gif", "index.html", "logo.svg"], site.OutputFiles().Where(f => f.StartsWith("2024/09/a/", StringComparison.Ordinal))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void With_resize_off_the_photo_is_published_as_written()
    {
        var camera = TestImages.CameraJpeg(900, 600);
        using var site = SiteWithCover(camera, config: "images:\n  resize: false\n");
        site.BuildSuccessfully();

        Assert.Equal(camera, File.ReadAllBytes(Path.Combine(site.OutputDirectory, "2024/09/a/cover.jpg")));
        Assert.False(site.OutputExists("2024/09/a/cover-480w.webp"));
        Assert.StartsWith("src=/2024/09/a/cover.jpg 900x600\nsrcset=\n", site.ReadOutput("2024/09/a/index.html"), StringComparison.Ordinal);
        Assert.False(System.IO.Directory.Exists(Path.Combine(site.Directory, ".gazette")));
    }

    [Fact]
    public void A_photo_libvips_cannot_read_is_an_error_at_the_file_and_the_previous_output_stays()
    {
        using var site = SiteWithCover(TestImages.Jpeg(800, 400));
        site.BuildSuccessfully();
        var before = site.ReadOutput("2024/09/a/index.html");

        site.WriteBytes("content/posts/a/cover.jpg", TestImages.JpegHeader(800, 400)); // a header and no picture
        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.ImageUnreadable, error.Code);
        Assert.Equal("content/posts/a/cover.jpg", error.Location.Path);
        Assert.StartsWith("cannot read the photo: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("export it again", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, site.ReadOutput("2024/09/a/index.html"));
    }
}
