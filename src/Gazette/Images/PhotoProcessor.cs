using System.Globalization;
using System.Text;
using Gazette.Content;
using NetVips;

namespace Gazette.Images;

/// <summary>
/// The pixels, through libvips (NetVips): one decode per photo at the largest size needed, every
/// output resized from it, encoded with no camera metadata (EXIF with its GPS position, serial
/// numbers and maker notes, the ICC profile after conversion to sRGB) and with the credit and
/// copyright notice written as XMP.
/// </summary>
internal static class PhotoProcessor
{
    /// <summary>Changes whenever an output's bytes would change for the same inputs (encoder
    /// settings, metadata written): every cache entry gets a new name.</summary>
    public const string Recipe = "gazette-photo-3";

    public const int JpegQuality = 80;
    public const int WebPQuality = 75;
    /// <summary>libvips' WebP effort 0 to 6: 2 instead of the default 4 encodes a quarter faster for 3 % more
    /// bytes; WebP is the fallback of browsers without AVIF.</summary>
    public const int WebPEffort = 2;
    public const int AvifQuality = 50;
    /// <summary>libvips' AVIF effort 0 to 9: the default 4 took 19–32 s for three sizes of one photo here; 0 encodes
    /// five 800 px camera photos in 0.6 s, faster than WebP, for 40 % fewer bytes.</summary>
    public const int AvifEffort = 0;

    private static readonly Lazy<string?> LoadProblem = new(() =>
    {
        try
        {
            if (!ModuleInitializer.VipsInitialized)
            {
                return ModuleInitializer.Exception?.Message ?? "libvips did not start";
            }

            // Pages, not libvips, decide what is kept: no operation cache holding decoded photos.
            Cache.Max = 0;
            Cache.MaxFiles = 0;
            // libvips prints its warnings on the console ("error in tile 0 x 8"); a photo it cannot
            // read is an exception, reported at the file with the reason.
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning | Enums.LogLevelFlags.Message | Enums.LogLevelFlags.Info
                | Enums.LogLevelFlags.Debug, Ignore);
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            return e.InnerException?.Message ?? e.Message;
        }
    });

    private static void Ignore(string? domain, Enums.LogLevelFlags level, string? message)
    {
    }

    /// <summary>Why photos cannot be processed on this machine; null when libvips is there.</summary>
    public static string? Unavailable => LoadProblem.Value;

    /// <summary>Makes some of the outputs of one photo. The photo is decoded at the same width whichever
    /// are asked (<see cref="PublishedPhoto.DecodeWidth"/>), so a file made alone has the bytes it has
    /// when made with the others.</summary>
    /// <param name="xmp">The XMP packet written into every output; null writes none.</param>
    /// <param name="focus">Where crops centre; null lets libvips find the most interesting part.</param>
    /// <returns>The bytes of each output, and the photo's average colour.</returns>
    public static (byte[][] Files, string Placeholder) Process(PublishedPhoto photo, IReadOnlyList<PhotoOutput> outputs, byte[]? xmp,
        FocusPoint? focus)
    {
        var baseWidth = photo.DecodeWidth;
        // Thumbnail decodes at the smallest scale the format allows (JPEG shrinks while decoding),
        // applies the EXIF orientation and converts an embedded colour profile to sRGB.
        // It is read from the file in one pass: kept in memory, since every output reads it again.
        using var streamed = Image.Thumbnail(photo.SourcePath, baseWidth, height: VipsMaxCoordinate, size: Enums.Size.Down,
            outputProfile: "srgb", failOn: Enums.FailOn.Error);
        using var decoded = streamed.CopyMemory();
        using var source = xmp is null
            ? decoded.Mutate(image => image.Remove("xmp-data"))
            : decoded.Mutate(image => image.Set(GValue.BlobType, "xmp-data", xmp));
        var files = new byte[outputs.Count][];
        for (var i = 0; i < outputs.Count; i++)
        {
            using var sized = Shape(source, outputs[i], focus);
            files[i] = Encode(sized, outputs[i].Format, xmp is not null);
        }

        return (files, Placeholder(source));
    }

    private const int VipsMaxCoordinate = 10_000_000;

    private static Image Shape(Image source, PhotoOutput output, FocusPoint? focus)
    {
        if (output.Crop is not { } shape)
        {
            return source.ThumbnailImage(output.Width, height: VipsMaxCoordinate, size: Enums.Size.Down);
        }

        if (focus is not { } point)
        {
            return source.ThumbnailImage(output.Width, height: output.Height, crop: Enums.Interesting.Attention);
        }

        // The crop box in the decoded image's pixels, centred on the focus point.
        var box = PhotoPlan.CropBox(new ImageDimensions(source.Width, source.Height), shape);
        var (left, top) = PhotoPlan.CropOrigin(new ImageDimensions(source.Width, source.Height), box, point);
        using var cropped = source.Crop(left, top, box.Width, box.Height);
        return cropped.ThumbnailImage(output.Width, height: output.Height, crop: Enums.Interesting.Centre);
    }

    private static byte[] Encode(Image image, PhotoFormat format, bool withXmp)
    {
        var keep = withXmp ? Enums.ForeignKeep.Xmp : Enums.ForeignKeep.None;
        return format switch
        {
            PhotoFormat.Jpeg => image.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, interlace: true, keep: keep),
            PhotoFormat.Png => image.PngsaveBuffer(keep: keep),
            PhotoFormat.WebP => image.WebpsaveBuffer(q: WebPQuality, smartSubsample: true, effort: WebPEffort, keep: keep),
            _ => image.HeifsaveBuffer(q: AvifQuality, compression: Enums.ForeignHeifCompression.Av1, effort: AvifEffort, keep: keep),
        };
    }

    /// <summary>The average colour of the photo, as CSS.</summary>
    private static string Placeholder(Image image)
    {
        var bands = Math.Min(3, image.Bands);
        var rgb = new int[3];
        for (var band = 0; band < 3; band++)
        {
            using var one = image.ExtractBand(Math.Min(band, bands - 1));
            rgb[band] = (int)Math.Clamp(Math.Round(one.Avg()), 0, 255);
        }

        return string.Create(CultureInfo.InvariantCulture, $"#{rgb[0]:x2}{rgb[1]:x2}{rgb[2]:x2}");
    }

    /// <summary>The XMP packet naming the credit and the copyright notice, as IPTC's photo metadata
    /// standard maps them (photoshop:Credit, dc:rights); null when there is neither.</summary>
    public static byte[]? Xmp(string? credit, string? copyright)
    {
        if (string.IsNullOrEmpty(credit) && string.IsNullOrEmpty(copyright))
        {
            return null;
        }

        var text = new StringBuilder()
            .Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>")
            .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">")
            .Append("<rdf:Description rdf:about=\"\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
        if (!string.IsNullOrEmpty(credit))
        {
            text.Append("<photoshop:Credit>").Append(System.Security.SecurityElement.Escape(credit)).Append("</photoshop:Credit>");
        }

        if (!string.IsNullOrEmpty(copyright))
        {
            text.Append("<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(System.Security.SecurityElement.Escape(copyright))
                .Append("</rdf:li></rdf:Alt></dc:rights>");
        }

        text.Append("</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
