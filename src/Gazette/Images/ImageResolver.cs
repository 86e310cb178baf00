using System.Collections.Concurrent;
using Gazette.Configuration;
using Gazette.Diagnostics;
using Gazette.Text;

namespace Gazette.Images;

/// <summary>An image reference resolved to its file and its URL in the built site.</summary>
/// <param name="FullPath">The file on disk; null for external images.</param>
/// <param name="Embedded">The credit written in the file's IPTC/XMP metadata.</param>
/// <param name="FileSize">Bytes of the local file, null for an external photo.</param>
/// <param name="Photo">The resized files it is published as; null when it is published as written
/// (external, SVG, GIF, unreadable size, or <c>images.resize: false</c>).</param>
internal sealed record ResolvedImage(string Url, string AbsoluteUrl, string? FullPath, ImageDimensions? Dimensions, EmbeddedCredit Embedded,
    long? FileSize = null, PublishedPhoto? Photo = null);

/// <summary>Where a document lives, to resolve the relative paths written in it.</summary>
/// <param name="Directory">Full path of the folder holding the Markdown file.</param>
/// <param name="BundleDirectory">Full path of the page bundle, when the document is one.</param>
/// <param name="OutputFolder">The document's output folder relative to the output root (<c>2024/09/x/</c>).</param>
internal sealed record DocumentPlace(string Directory, string? BundleDirectory, string OutputFolder);

/// <summary>
/// Resolves image sources written by authors: relative to the article (page bundles), or
/// <c>/absolute</c> within <c>content/</c>. Dimensions are read once per file and shared by every
/// article using the photo.
/// </summary>
/// <param name="photos">How photos are resized; null publishes them as written.</param>
internal sealed class ImageResolver(string contentRoot, SiteUrls urls, Configuration.PhotoSettings? photos = null)
{
    private readonly string _contentRoot = Path.GetFullPath(contentRoot);
    private readonly ConcurrentDictionary<string, LocalPhoto> _files = new(StringComparer.Ordinal);
    // One per photo and place in the output, so every page showing it shares its files.
    private readonly ConcurrentDictionary<string, PublishedPhoto> _published = new(StringComparer.Ordinal);

    /// <summary>The content folder, full path: where root-relative sources are looked for.</summary>
    public string ContentRoot => _contentRoot;

    /// <summary>Whether photos are published resized.</summary>
    public bool Resizes => photos is not null;

    /// <summary>The photo published at <paramref name="relativePath"/> from <paramref name="fullPath"/>;
    /// null when it is published as written.</summary>
    public PublishedPhoto? Publish(string fullPath, string relativePath)
    {
        if (photos is null || PhotoPlan.FormatOf(fullPath) is not { } format)
        {
            return null;
        }

        var local = _files.GetOrAdd(fullPath, ReadFile);
        if (local.Size is not { } size || local.Outside)
        {
            return null;
        }

        return _published.GetOrAdd(relativePath, path => new PublishedPhoto(fullPath, path, format, size, photos,
            PhotoPlan.Variants(path, size, format, photos, urls.ForOutput),
            PhotoPlan.Crops(path, size, format, urls.ForOutput), urls.Absolute));
    }

    /// <summary>What is read from a photo file, once per build whatever the number of articles showing it.</summary>
    /// <param name="Outside">The file is a link (or lies below one) leading out of the site: never read.</param>
    private sealed record LocalPhoto(ImageDimensions? Size, EmbeddedCredit Credit, long Length, bool Outside = false);
    private static readonly EmbeddedCredit NoCredit = new(null, null);

    /// <summary>Resolves <paramref name="src"/> as <see cref="Resolve(string, DocumentPlace, out string?)"/>
    /// does, reporting a photo that cannot be used as an error at <paramref name="location"/>.</summary>
    /// <param name="what">How the message names it: "image", "cover image".</param>
    public ResolvedImage? Resolve(string src, DocumentPlace place, SourceLocation location, DiagnosticBag diagnostics, string what = "image")
    {
        var resolved = Resolve(src, place, out var problem);
        if (resolved is null)
        {
            diagnostics.Error(DiagnosticCodes.ImageMissing, location, problem ?? $"{what} '{src}' cannot be used");
        }

        return resolved;
    }

    /// <summary>Resolves <paramref name="src"/>; returns null with a reason when the file is missing
    /// or outside the content folder.</summary>
    public ResolvedImage? Resolve(string src, DocumentPlace place, out string? problem)
    {
        problem = null;
        if (IsExternal(src))
        {
            return new ResolvedImage(src, src, null, null, NoCredit);
        }

        var path = Uri.UnescapeDataString(StripQuery(src));
        var fullPath = path.StartsWith('/')
            ? Path.GetFullPath(Path.Combine(_contentRoot, path.TrimStart('/')))
            : Path.GetFullPath(Path.Combine(place.Directory, path));
        var relativeToContent = Path.GetRelativePath(_contentRoot, fullPath);
        if (relativeToContent.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relativeToContent))
        {
            problem = $"image '{src}' points outside the content folder; keep photos beside the article or under content/";
            return null;
        }

        if (!_files.ContainsKey(fullPath) && !File.Exists(fullPath))
        {
            problem = $"image '{src}' not found (looked for content/{relativeToContent.Replace('\\', '/')}); check the file name and its case";
            return null;
        }

        var target = place.BundleDirectory is { } bundle
            && Path.GetRelativePath(bundle, fullPath) is var inBundle
            && !inBundle.StartsWith("..", StringComparison.Ordinal)
                ? place.OutputFolder + inBundle.Replace('\\', '/')
                : relativeToContent.Replace('\\', '/');
        var url = urls.ForOutput(target);

        var photo = _files.GetOrAdd(fullPath, ReadFile);
        if (photo.Outside)
        {
            problem = $"image '{src}' is a symbolic link to a file outside the site; Gazette reads nothing outside it. Copy the photo into content/";
            return null;
        }

        return Publish(fullPath, target) is { } published
            ? new ResolvedImage(url, urls.Absolute(url), fullPath, new ImageDimensions(published.Main.Width, published.Main.Height),
                photo.Credit, null, published)
            : new ResolvedImage(url, urls.Absolute(url), fullPath, photo.Size, photo.Credit, photo.Length);
    }

    private LocalPhoto ReadFile(string fullPath)
    {
        if (!SafeFiles.IsSameOrInside(fullPath, _contentRoot))
        {
            return new LocalPhoto(null, NoCredit, 0, Outside: true);
        }

        try
        {
            var credit = EmbeddedCredit.Read(fullPath, out var quarterTurn);
            var size = ImageSize.Read(fullPath);
            // A phone photo taken upright is stored sideways with an EXIF orientation: shown (and
            // resized) the way it was taken.
            if (quarterTurn && size is { } stored && PhotoPlan.FormatOf(fullPath) == PhotoFormat.Jpeg)
            {
                size = new ImageDimensions(stored.Height, stored.Width);
            }

            return new LocalPhoto(size, credit, new FileInfo(fullPath).Length);
        }
        catch (IOException)
        {
            return new LocalPhoto(null, NoCredit, 0);
        }
    }

    private static bool IsExternal(string src) =>
        src.Contains("://", StringComparison.Ordinal) || src.StartsWith("//", StringComparison.Ordinal)
        || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    private static string StripQuery(string src)
    {
        var cut = src.IndexOfAny(['?', '#']);
        return cut < 0 ? src : src[..cut];
    }
}
