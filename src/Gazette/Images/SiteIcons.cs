using Gazette.Configuration;
using Gazette.Diagnostics;
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

    /// <param name="images">Resolves the source as a photo of content/ is: the same checks (missing,
    /// outside content/, a link out of the site) and the same read of its size.</param>
    public static (IReadOnlyList<SiteIcon> Icons, IReadOnlyList<MadeFile> Files) Make(SiteConfig config, ImageResolver images, SiteUrls urls,
        DiagnosticBag diagnostics)
    {
        if ((config.Favicon ?? config.Publisher?.Logo) is not { } source)
        {
            return ([], []);
        }

        var resolved = Resolve(images, source);
        var asWritten = new SiteIcon("icon", resolved?.Url ?? urls.RootRelative(source), PhotoPlan.MediaTypeOf(source), null);
        if (resolved?.FullPath is not { } file || PhotoProcessor.Unavailable is not null)
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
    public static SiteLogo? Logo(SiteConfig config, ImageResolver images, SiteUrls urls)
    {
        if (config.Publisher?.Logo is not { } logo)
        {
            return null;
        }

        var resolved = Resolve(images, logo);
        return new SiteLogo(resolved?.Url ?? urls.RootRelative(logo), resolved?.Dimensions?.Width, resolved?.Dimensions?.Height);
    }

    /// <summary>A site.yml path (root-relative to content/, or an external URL) resolved as a photo;
    /// null for a file that cannot be used, which the pages then link as written (the link check reports it).</summary>
    private static ResolvedImage? Resolve(ImageResolver images, string source) =>
        images.Resolve(source, new DocumentPlace(images.ContentRoot, null, ""), out _);

    /// <summary>The square of <paramref name="size"/> pixels at the picture's start (left or top).</summary>
    private static Image Square(string file, int size, bool opaque)
    {
        using var square = Image.Thumbnail(file, size, height: size, crop: Enums.Interesting.Low, failOn: Enums.FailOn.Error);
        using var srgb = square.Colourspace(Enums.Interpretation.Srgb);
        return opaque && srgb.HasAlpha() ? srgb.Flatten(background: [255, 255, 255]) : srgb.Copy();
    }
}
