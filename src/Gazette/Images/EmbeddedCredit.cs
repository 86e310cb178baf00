using MetadataExtractor;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;

namespace Gazette.Images;

/// <summary>The credit a photo carries in its own metadata, as agencies deliver them.</summary>
/// <param name="Credit">IPTC Credit Line, else XMP photoshop:Credit, else the creator (By-line, dc:creator).</param>
/// <param name="CopyrightNotice">IPTC Copyright Notice or XMP dc:rights.</param>
internal sealed record EmbeddedCredit(string? Credit, string? CopyrightNotice)
{
    private const string PhotoshopNamespace = "http://ns.adobe.com/photoshop/1.0/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    public bool IsEmpty => Credit is null && CopyrightNotice is null;

    /// <summary>Reads IPTC and XMP from a JPEG, PNG or WebP file; an unreadable file has no credit.</summary>
    public static EmbeddedCredit Read(string path) => Read(path, out _);

    /// <summary>Reads the credit, and whether the EXIF orientation turns the photo a quarter (its
    /// width and height swap when shown).</summary>
    public static EmbeddedCredit Read(string path, out bool quarterTurn)
    {
        quarterTurn = false;
        if (!path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
            && !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".webp", StringComparison.OrdinalIgnoreCase))
        {
            return new EmbeddedCredit(null, null);
        }

        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(path);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or MetadataException)
        {
            return new EmbeddedCredit(null, null);
        }

        foreach (var exif in directories.OfType<MetadataExtractor.Formats.Exif.ExifIfd0Directory>())
        {
            quarterTurn |= exif.TryGetInt32(MetadataExtractor.Formats.Exif.ExifDirectoryBase.TagOrientation, out var orientation)
                && orientation is >= 5 and <= 8;
        }

        string? credit = null, copyright = null, creator = null;
        foreach (var iptc in directories.OfType<IptcDirectory>())
        {
            credit ??= Clean(iptc.GetString(IptcDirectory.TagCredit));
            copyright ??= Clean(iptc.GetString(IptcDirectory.TagCopyrightNotice));
            creator ??= Clean(iptc.GetString(IptcDirectory.TagByLine));
        }

        foreach (var xmp in directories.OfType<XmpDirectory>())
        {
            var meta = xmp.XmpMeta;
            if (meta is null)
            {
                continue;
            }

            credit ??= Clean(meta.GetPropertyString(PhotoshopNamespace, "Credit"));
            copyright ??= Clean(meta.GetLocalizedText(DublinCoreNamespace, "rights", null, "x-default")?.Value);
            creator ??= Clean(meta.DoesArrayItemExist(DublinCoreNamespace, "creator", 1)
                ? meta.GetArrayItem(DublinCoreNamespace, "creator", 1)?.Value
                : null);
        }

        return new EmbeddedCredit(credit ?? creator ?? CreditFromNotice(copyright), copyright);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>"© Agence Lumière 2024" names the holder when nothing better is there.</summary>
    private static string? CreditFromNotice(string? notice) =>
        notice is null ? null : Clean(notice.TrimStart('©', ' ').Replace("Copyright", "", StringComparison.OrdinalIgnoreCase));
}
