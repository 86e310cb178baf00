using Gazette.Images;
using Gazette.Tests.Support;

namespace Gazette.Tests.Markdown;

public class ImageSizeTests
{
    [Fact]
    public void Png_size_comes_from_its_header() => Assert.Equal(new ImageDimensions(40, 30), ImageSize.Read(TestImages.Png(40, 30)));

    [Fact]
    public void Gif_size_comes_from_its_screen_descriptor() => Assert.Equal(new ImageDimensions(320, 200), ImageSize.Read(TestImages.Gif(320, 200)));

    [Fact]
    public void Jpeg_size_comes_from_its_frame_header() => Assert.Equal(new ImageDimensions(1200, 800), ImageSize.Read(TestImages.JpegHeader(1200, 800)));

    [Fact]
    public void WebP_size_comes_from_its_lossless_header() => Assert.Equal(new ImageDimensions(640, 480), ImageSize.Read(TestImages.WebPLossless(640, 480)));

    [Fact]
    public void Svg_size_comes_from_width_and_height_or_viewbox()
    {
        Assert.Equal(new ImageDimensions(300, 150), ImageSize.Read(System.Text.Encoding.UTF8.GetBytes(TestImages.Svg(300, 150))));
        Assert.Equal(new ImageDimensions(960, 300), ImageSize.Read("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 300\"></svg>"u8));
    }

    [Fact]
    public void Unknown_bytes_have_no_size() => Assert.Null(ImageSize.Read("not an image"u8));

    [Fact]
    public void Sample_photos_are_read_from_real_jpeg_files()
    {
        var path = Path.Combine(TestSite.RepositoryRoot, "content", "posts", "openai-ouvre-un-bureau-a-paris", "paris.jpg");
        Assert.Equal(new ImageDimensions(1200, 800), ImageSize.Read(path));
    }
}
