using Gazette.Content;
using Gazette.Diagnostics;

namespace Gazette.Images;

/// <summary>How one page shows a photo: what the published files say about it.</summary>
/// <param name="Credit">Written into the files as XMP photoshop:Credit.</param>
/// <param name="Focus">Where its crops centre, when it is a cover.</param>
internal sealed record PhotoUse(PublishedPhoto Photo, string? Credit, string? CopyrightNotice, bool IsCover, FocusPoint? Focus);

/// <summary>What a photo's files are made for: the credit of its first use, whether any page shows
/// it as a cover (then it has crops), and the focus of its first use as a cover.</summary>
internal sealed record PhotoRequest(string? Credit, string? CopyrightNotice, bool Cover, FocusPoint? Focus);

/// <summary>
/// The photo phase, between the model and the pages: every published photo gets its files, from the
/// cache when an earlier build made them, else processed (photos in parallel) and cached. The first
/// use of a photo in the site's order decides the credit written into its files and the focus of
/// its crops, so two builds of the same site write the same bytes.
/// </summary>
internal static class PhotoPublisher
{
    /// <summary>Makes the files of each photo not made yet, or made for another credit, cover or focus
    /// than its first use now asks.</summary>
    /// <returns>The photos whose files were made now, each with its files as they were before (null for a new one).</returns>
    public static List<(PublishedPhoto Photo, PhotoResult? Before)> Prepare(IEnumerable<PhotoUse> uses, PhotoCache cache, string siteDirectory,
        DiagnosticBag diagnostics, ParallelOptions parallel)
    {
        var requests = new Dictionary<PublishedPhoto, PhotoRequest>();
        foreach (var use in uses)
        {
            requests[use.Photo] = requests.TryGetValue(use.Photo, out var first)
                ? first with { Cover = first.Cover || use.IsCover, Focus = first.Cover ? first.Focus : use.IsCover ? use.Focus : null }
                : new PhotoRequest(use.Credit, use.CopyrightNotice, use.IsCover, use.IsCover ? use.Focus : null);
        }

        var pending = requests.Where(pair => pair.Key.Result?.Request != pair.Value).ToList();
        var made = new (PublishedPhoto, PhotoResult?)[pending.Count];
        Parallel.For(0, pending.Count, parallel, i =>
        {
            var (photo, request) = (pending[i].Key, pending[i].Value);
            made[i] = (photo, photo.Result);
            try
            {
                photo.Complete(Make(photo, request, cache));
            }
            catch (NetVips.VipsException e)
            {
                diagnostics.Error(DiagnosticCodes.ImageUnreadable, SourceLocation.File(Path.GetRelativePath(siteDirectory, photo.SourcePath).Replace('\\', '/')),
                    $"cannot read the photo: {Reason(e.Message)}; open it in an image editor and export it again as JPEG, PNG or WebP");
            }
        });
        return [.. made];
    }

    private static PhotoResult Make(PublishedPhoto photo, PhotoRequest use, PhotoCache cache)
    {
        List<PhotoOutput> outputs = use.Cover ? [.. photo.Variants, .. photo.Crops] : [.. photo.Variants];
        var xmp = PhotoProcessor.Xmp(use.Credit, use.CopyrightNotice);
        var source = PhotoCache.HashFile(photo.SourcePath);
        var metadata = xmp is null ? "" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(xmp));
        var focus = use.Focus is { } point ? FormattableString.Invariant($"{point.X},{point.Y}") : "auto";
        var keys = outputs.Select(o => PhotoCache.Key(PhotoProcessor.Recipe, source, o.Format.ToString(),
            FormattableString.Invariant($"{o.Width}x{o.Height}"), o.Crop?.Name ?? "", o.Crop is null ? "" : focus, metadata)).ToList();
        var placeholderKey = PhotoCache.Key(PhotoProcessor.Recipe, source, "placeholder");
        var files = outputs.Select((o, i) => cache.Find(keys[i], ExtensionOf(o))).ToArray();
        var placeholder = cache.Find(placeholderKey, ".txt") is { } known ? ReadPlaceholder(known) : null;
        var missing = Enumerable.Range(0, outputs.Count).Where(i => files[i] is null).ToList();
        if (placeholder is null || missing.Count > 0)
        {
            // Only what the cache lacks (the crops of a photo that just became a cover, say).
            var (bytes, colour) = PhotoProcessor.Process(photo, [.. missing.Select(i => outputs[i])], xmp, use.Focus);
            for (var k = 0; k < missing.Count; k++)
            {
                files[missing[k]] = cache.Store(keys[missing[k]], ExtensionOf(outputs[missing[k]]), bytes[k]);
            }

            placeholder = colour;
            cache.Store(placeholderKey, ".txt", System.Text.Encoding.ASCII.GetBytes(colour));
        }

        var main = files[outputs.IndexOf(photo.Main)]!;
        return new PhotoResult(use, placeholder, [.. outputs.Select((o, i) => (o, files[i]!))], new FileInfo(main).Length);
    }

    private static string? ReadPlaceholder(string path)
    {
        var text = File.ReadAllText(path).Trim();
        return text.Length == 7 && text[0] == '#' && !text.AsSpan(1).ContainsAnyExcept(HexDigits) ? text : null;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    private static string ExtensionOf(PhotoOutput output) => Path.GetExtension(output.RelativePath).ToLowerInvariant() switch
    {
        ".jpeg" => ".jpg",
        var extension => extension,
    };

    /// <summary>libvips' own words after its "unable to call …" line: what is wrong with the file.</summary>
    private static string Reason(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reasons = lines.Where(l => !l.StartsWith("unable to call", StringComparison.Ordinal)).ToList();
        return reasons.Count > 0 ? string.Join("; ", reasons) : lines.FirstOrDefault() ?? "libvips could not decode it";
    }
}
