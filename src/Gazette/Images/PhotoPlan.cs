using System.Globalization;
using Gazette.Configuration;
using Gazette.Content;

namespace Gazette.Images;

/// <summary>The encodings Gazette publishes photos in.</summary>
internal enum PhotoFormat
{
    Jpeg,
    Png,
    WebP,
    Avif,
}

/// <summary>An aspect ratio Google asks of a news article's image, and the suffix of its file.</summary>
internal sealed record CropShape(string Name, int RatioWidth, int RatioHeight)
{
    /// <summary>16:9, 4:3 and 1:1, in the order the JSON-LD lists them.</summary>
    public static readonly IReadOnlyList<CropShape> NewsShapes = [new("16x9", 16, 9), new("4x3", 4, 3), new("1x1", 1, 1)];

    /// <summary>Crops are this wide (og:image's 1200 px) unless the photo is smaller.</summary>
    public const int TargetWidth = 1200;
}

/// <summary>One file published for a photo: a width in one format, or a crop.</summary>
/// <param name="RelativePath">Where it goes in the output (<c>2024/09/x/cover-800w.webp</c>).</param>
/// <param name="Crop">The aspect it is cropped to; null for the whole photo.</param>
internal sealed record PhotoOutput(string RelativePath, string Url, int Width, int Height, PhotoFormat Format, CropShape? Crop = null)
{
    public string MediaType => PhotoPlan.MediaType(Format);
}

/// <summary>
/// Which files a photo is published as and what they are called: every width of
/// <see cref="PhotoSettings.Widths"/> narrower than the photo plus the photo's own width (capped at the
/// largest), in its own format and in WebP (and AVIF when asked). The largest in the photo's own format
/// takes the photo's own name, so links to it keep working; the others get <c>-800w</c> before the
/// extension. Names depend only on the photo's size and the settings, so pages can be written before
/// any pixel is touched.
/// </summary>
internal static class PhotoPlan
{
    /// <summary>The format of a photo Gazette resizes, from its extension; null for SVG, GIF and
    /// anything else, which are published as written.</summary>
    public static PhotoFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => PhotoFormat.Jpeg,
        ".png" => PhotoFormat.Png,
        ".webp" => PhotoFormat.WebP,
        _ => null,
    };

    /// <summary>The media type of an image file or URL, from its extension (a query or fragment
    /// aside); null for one that is not an image format browsers show.</summary>
    public static string? MediaTypeOf(string url) => Path.GetExtension(url.Split('?', '#')[0]).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".svg" => "image/svg+xml",
        ".avif" => "image/avif",
        ".ico" => "image/x-icon",
        _ => null,
    };

    public static string MediaType(PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        PhotoFormat.WebP => "image/webp",
        _ => "image/avif",
    };

    private static string Extension(PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => ".jpg",
        PhotoFormat.Png => ".png",
        PhotoFormat.WebP => ".webp",
        _ => ".avif",
    };

    /// <summary>The widths offered for a photo <paramref name="width"/> pixels wide, narrowest first.</summary>
    public static IReadOnlyList<int> Widths(int width, PhotoSettings settings)
    {
        var largest = Math.Min(width, settings.Widths[^1]);
        return [.. settings.Widths.Where(w => w < largest), largest];
    }

    /// <summary>The formats a photo of <paramref name="own"/> format is offered in, the most compact first;
    /// its own format last, as the fallback every browser shows.</summary>
    public static IReadOnlyList<PhotoFormat> Formats(PhotoFormat own, PhotoSettings settings) =>
        [.. new[] { settings.Avif ? PhotoFormat.Avif : (PhotoFormat?)null, PhotoFormat.WebP, own }
            .OfType<PhotoFormat>().Distinct()];

    /// <summary>Every width of every format, for a photo published at <paramref name="relativePath"/>.</summary>
    /// <param name="size">The photo's size as shown (its orientation applied).</param>
    /// <param name="url">Turns an output path into the URL pages use.</param>
    public static IReadOnlyList<PhotoOutput> Variants(string relativePath, ImageDimensions size, PhotoFormat own, PhotoSettings settings,
        Func<string, string> url)
    {
        var widths = Widths(size.Width, settings);
        var outputs = new List<PhotoOutput>();
        foreach (var format in Formats(own, settings))
        {
            foreach (var width in widths)
            {
                var path = format == own && width == widths[^1] ? relativePath : Suffixed(relativePath, $"-{width}w", format);
                outputs.Add(new PhotoOutput(path, url(path), width, HeightAt(size, width), format));
            }
        }

        return outputs;
    }

    /// <summary>The 16:9, 4:3 and 1:1 crops of a cover, each at most 1200 px wide and as large as
    /// the photo allows.</summary>
    public static IReadOnlyList<PhotoOutput> Crops(string relativePath, ImageDimensions size, PhotoFormat own, Func<string, string> url)
    {
        // Crops are shared as they are: a screenshot stays lossless, a photo is a JPEG.
        var format = own == PhotoFormat.Png ? PhotoFormat.Png : PhotoFormat.Jpeg;
        var outputs = new List<PhotoOutput>();
        foreach (var shape in CropShape.NewsShapes)
        {
            var (width, height) = CropBox(size, shape);
            if (width > CropShape.TargetWidth)
            {
                height = (int)Math.Round(height * (double)CropShape.TargetWidth / width);
                width = CropShape.TargetWidth;
            }

            var path = Suffixed(relativePath, "-" + shape.Name, format);
            outputs.Add(new PhotoOutput(path, url(path), width, height, format, shape));
        }

        return outputs;
    }

    /// <summary>The largest box of the shape's aspect that fits in the photo.</summary>
    public static (int Width, int Height) CropBox(ImageDimensions size, CropShape shape)
    {
        var width = size.Width;
        var height = (int)Math.Round((double)width * shape.RatioHeight / shape.RatioWidth);
        if (height > size.Height)
        {
            height = size.Height;
            width = (int)Math.Round((double)height * shape.RatioWidth / shape.RatioHeight);
        }

        return (Math.Max(1, width), Math.Max(1, height));
    }

    /// <summary>Where the box of <paramref name="box"/> size starts so that <paramref name="focus"/> is
    /// as near its centre as the photo's edges allow.</summary>
    public static (int Left, int Top) CropOrigin(ImageDimensions size, (int Width, int Height) box, FocusPoint focus) =>
        (Clamp((int)Math.Round(focus.X * size.Width - box.Width / 2.0), size.Width - box.Width),
         Clamp((int)Math.Round(focus.Y * size.Height - box.Height / 2.0), size.Height - box.Height));

    private static int Clamp(int value, int max) => Math.Max(0, Math.Min(value, max));

    public static int HeightAt(ImageDimensions size, int width) =>
        Math.Max(1, (int)Math.Round((double)size.Height * width / size.Width));

    /// <summary>The <c>srcset</c> of one format: <c>a-480w.webp 480w, a-800w.webp 800w</c>.</summary>
    public static string Srcset(IEnumerable<PhotoOutput> outputs, PhotoFormat format) =>
        string.Join(", ", outputs.Where(o => o.Format == format && o.Crop is null)
            .Select(o => o.Url + " " + o.Width.ToString(CultureInfo.InvariantCulture) + "w"));

    private static string Suffixed(string relativePath, string suffix, PhotoFormat format)
    {
        var extension = Path.GetExtension(relativePath);
        return relativePath[..^extension.Length] + suffix + Extension(format);
    }
}
