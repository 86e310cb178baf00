using Gazette.Configuration;
using Gazette.Diagnostics;
using Gazette.Text;
using NetVips;

namespace Gazette.Images;

/// <summary>An icon a page links in its head (<c>&lt;link rel="icon"&gt;</c>, <c>apple-touch-icon</c>).</summary>
internal sealed record SiteIcon(string Rel, string Url, string? Type, string? Sizes);

/// <summary>The publisher's logo as a header shows it, with its size when its file tells it.</summary>
internal sealed record SiteLogo(string Url, int? Width, int? Height);

/// <summary>A file Gazette makes for the site itself rather than for a page.</summary>
internal sealed record MadeFile(string RelativePath, byte[] Bytes);

/// <summary>
/// The site's icons, from <c>favicon:</c> or, without it, from <c>publisher.logo</c>: a 32 px icon
/// for tabs and a 180 px one for phones' home screens, cut square from the start of the picture
/// (a logo's mark is on its left, or its top, with the name after it) and made opaque for iOS,
/// which fills transparency with black. <c>favicon:</c> is also linked as written, so an SVG icon
/// stays sharp; a logo is not (a wide wordmark squeezed into a square). Where libvips is missing,
/// the source is linked as written and nothing is made.
/// </summary>
internal static class SiteIcons
{
    public const string TabIcon = "favicon-32.png";
    public const string TouchIcon = "apple-touch-icon.png";

    public static (IReadOnlyList<SiteIcon> Icons, IReadOnlyList<MadeFile> Files) Make(SiteConfig config, string contentRoot, SiteUrls urls,
        DiagnosticBag diagnostics)
    {
        if ((config.Favicon ?? config.Publisher?.Logo) is not { } source)
        {
            return ([], []);
        }

        var asWritten = new SiteIcon("icon", source.Contains("://", StringComparison.Ordinal) ? source : urls.RootRelative(source), TypeOf(source), null);
        var file = LocalFile(contentRoot, source);
        if (file is null || PhotoProcessor.Unavailable is not null)
        {
            return ([asWritten], []);
        }

        try
        {
            using var tab = Square(file, 32, opaque: false);
            using var touch = Square(file, 180, opaque: true);
            List<SiteIcon> icons = config.Favicon is null ? [] : [asWritten];
            icons.Add(new SiteIcon("icon", urls.ForOutput(TabIcon), "image/png", "32x32"));
            icons.Add(new SiteIcon("apple-touch-icon", urls.ForOutput(TouchIcon), null, "180x180"));
            return (icons, [new MadeFile(TabIcon, tab.PngsaveBuffer(keep: Enums.ForeignKeep.None)),
                new MadeFile(TouchIcon, touch.PngsaveBuffer(keep: Enums.ForeignKeep.None))]);
        }
        catch (VipsException e)
        {
            diagnostics.Warning(DiagnosticCodes.ImageUnreadable, config.IconAt,
                $"cannot make the site's icons from '{source}': {e.Message.Split('\n')[0].Trim()}; give a PNG or SVG as 'favicon:'");
            return ([asWritten], []);
        }
    }

    /// <summary>The publisher's logo (<c>site.logo</c>); null when site.yml names none.</summary>
    public static SiteLogo? Logo(SiteConfig config, string contentRoot, SiteUrls urls)
    {
        if (config.Publisher?.Logo is not { } logo)
        {
            return null;
        }

        var size = LocalFile(contentRoot, logo) is { } file ? ImageSize.Read(file) : null;
        return new SiteLogo(logo.Contains("://", StringComparison.Ordinal) ? logo : urls.RootRelative(logo), size?.Width, size?.Height);
    }

    /// <summary>The square of <paramref name="size"/> pixels at the picture's start (left or top).</summary>
    private static Image Square(string file, int size, bool opaque)
    {
        using var square = Image.Thumbnail(file, size, height: size, crop: Enums.Interesting.Low, failOn: Enums.FailOn.Error);
        using var srgb = square.Colourspace(Enums.Interpretation.Srgb);
        return opaque && srgb.HasAlpha() ? srgb.Flatten(background: [255, 255, 255]) : srgb.Copy();
    }

    /// <summary>The file in content/ a root-relative source names; null for an external URL, a
    /// missing file (the link check reports it) or a link leading out of the site.</summary>
    private static string? LocalFile(string contentRoot, string source)
    {
        if (source.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var root = Path.GetFullPath(contentRoot);
        var full = Path.GetFullPath(Path.Combine(root, source.Split('?', '#')[0].TrimStart('/')));
        if (!File.Exists(full))
        {
            return null;
        }

        var real = SafeFiles.RealPath(full);
        return real.StartsWith(SafeFiles.RealPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? real : null;
    }

    private static string? TypeOf(string source) => Path.GetExtension(source.Split('?', '#')[0]).ToLowerInvariant() switch
    {
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        ".webp" => "image/webp",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        _ => null,
    };
}
