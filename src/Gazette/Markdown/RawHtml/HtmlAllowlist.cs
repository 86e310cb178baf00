using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Gazette.Images;
using Gazette.Text;

namespace Gazette.Markdown.RawHtml;

/// <summary>
/// The raw HTML an article may keep (site.yml <c>markdown.unsafe_html: false</c>, the default):
/// HtmlSanitizer's safe elements and attributes (figures, tables, <c>&lt;br&gt;</c>, <c>&lt;sup&gt;</c>,
/// <c>&lt;kbd&gt;</c>, quotes…), ids and names for anchors, and <c>&lt;iframe&gt;</c> from the video
/// and slide hosts below only. Scripts, styles, forms, event handlers and <c>javascript:</c> URLs go,
/// and each removal is told to the caller so the author hears of it at its line. Root-relative
/// URLs get the site's base path, as Markdown links and images do.
/// </summary>
internal sealed partial class HtmlAllowlist(Func<string, string> rootRelative)
{
    /// <summary>Hosts whose players an article may embed (documented in docs/site-yml.md, <c>markdown.unsafe_html</c>).</summary>
    public static readonly IReadOnlySet<string> IframeHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "player.vimeo.com", "www.dailymotion.com",
        "geo.dailymotion.com", "www.slideshare.net", "speakerdeck.com", "codepen.io", "player.twitch.tv",
        "open.spotify.com", "w.soundcloud.com", "embed.podcasts.apple.com", "www.openstreetmap.org",
        "datawrapper.dwcdn.net", "e.infogram.com", "framatube.org", "peertube.fr", "tube.numerique.gouv.fr",
    };

    private static readonly string[] ExtraTags = ["iframe", "figure", "figcaption", "details", "summary", "picture", "source", "video", "audio", "track", "mark", "kbd", "abbr", "time", "wbr"];
    /// <summary>The elements kept: HtmlSanitizer's safe set and the ones above.</summary>
    private static readonly FrozenSet<string> AllowedTags = HtmlSanitizerDefaults.AllowedTags.Concat(ExtraTags).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ExtraAttributes = ["class", "id", "name", "role", "aria-label", "aria-hidden", "referrerpolicy", "allowfullscreen", "loading", "allow", "frameborder", "controls", "poster", "srcset", "sizes", "datetime", "open", "kind", "srclang", "label"];

    private readonly ScratchPool<Cleaner> _cleaners = new(() => new Cleaner(rootRelative));

    /// <summary>The HTML with what is not allowed taken out; <paramref name="removed"/> gets a short
    /// description of each removal (<c>&lt;script&gt;</c>, <c>onclick on &lt;img&gt;</c>). Each local
    /// <c>&lt;img&gt;</c> is given to <paramref name="image"/>, as a Markdown photo is: it returns the
    /// photo resolved, or null when it has reported the photo missing.</summary>
    public string Clean(string html, List<string> removed, Func<string, ResolvedImage?>? image = null)
    {
        var cleaner = _cleaners.Rent();
        (cleaner.Removed, cleaner.Image) = (removed, image);
        var result = cleaner.Sanitizer.Sanitize(html);
        (cleaner.Removed, cleaner.Image) = (null, null);
        _cleaners.Return(cleaner);
        return result;
    }

    /// <summary>
    /// An HTML block of an article, cleaned. Authors wrap Markdown in HTML (<c>&lt;figure&gt;</c>, a
    /// Markdown photo, then <c>&lt;figcaption&gt;…&lt;/figcaption&gt;&lt;/figure&gt;</c>): Markdig makes each
    /// part its own block, so a block may open an element another closes. The sanitizer would close
    /// the first at once and drop the stray end of the second; both are given back as written.
    /// </summary>
    public string CleanBlock(string html, List<string> removed, Func<string, ResolvedImage?>? image = null)
    {
        var cleaned = Clean(html, removed, image);
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var stray = new List<string>();
        foreach (Match tag in TagPattern().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (!AllowedTags.Contains(name) || VoidElements.Contains(name))
            {
                continue;
            }

            if (tag.Groups["end"].Success)
            {
                if (open.GetValueOrDefault(name) > 0)
                {
                    open[name]--;
                }
                else
                {
                    stray.Add(name);
                }
            }
            else if (!tag.Value.EndsWith("/>", StringComparison.Ordinal))
            {
                open[name] = open.GetValueOrDefault(name) + 1;
            }
        }

        // The sanitizer closed what the block left open, at its end: those end tags go.
        for (var trimmed = cleaned.TrimEnd(); ; trimmed = cleaned.TrimEnd())
        {
            var last = open.FirstOrDefault(o => o.Value > 0 && trimmed.EndsWith($"</{o.Key}>", StringComparison.Ordinal));
            if (last.Key is null)
            {
                break;
            }

            cleaned = trimmed[..^$"</{last.Key}>".Length];
            open[last.Key]--;
        }

        return cleaned + string.Concat(stray.Select(name => $"</{name}>"));
    }

    [GeneratedRegex(@"<(?<end>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>")]
    private static partial Regex TagPattern();

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>One inline tag (<c>&lt;sup&gt;</c>, <c>&lt;/kbd&gt;</c>, <c>&lt;br&gt;</c>) as it may stay,
    /// or null when it must go (reported in <paramref name="removed"/>).</summary>
    public string? CleanTag(string tag, List<string> removed, Func<string, ResolvedImage?>? image = null)
    {
        if (tag.StartsWith("<!--", StringComparison.Ordinal))
        {
            return null; // a comment: never shown, dropped without a word
        }

        if (tag.StartsWith("</", StringComparison.Ordinal))
        {
            var name = tag[2..].TrimEnd('>', ' ', '\t', '\n').ToLowerInvariant();
            if (AllowedTags.Contains(name))
            {
                return $"</{name}>";
            }

            removed.Add($"<{name}>");
            return null;
        }

        var cleaned = Clean(tag, removed, image);
        var end = cleaned.IndexOf('>', StringComparison.Ordinal);
        return cleaned.StartsWith('<') && end > 0 ? cleaned[..(end + 1)] : null;
    }

    /// <summary>A sanitizer and where its removals go; one per thread at a time (its events report
    /// to whoever rented it).</summary>
    private sealed class Cleaner
    {
        public Cleaner(Func<string, string> rootRelative)
        {
            Sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
            {
                AllowedTags = AllowedTags,
                AllowedAttributes = HtmlSanitizerDefaults.AllowedAttributes.Concat(ExtraAttributes).ToHashSet(StringComparer.OrdinalIgnoreCase),
                AllowedSchemes = HtmlSanitizerDefaults.AllowedSchemes.Append("mailto").ToHashSet(StringComparer.OrdinalIgnoreCase),
                AllowedCssProperties = HtmlSanitizerDefaults.AllowedCssProperties,
                UriAttributes = HtmlSanitizerDefaults.UriAttributes,
                UriListAttributes = HtmlSanitizerDefaults.UriListAttributes,
                AllowedAtRules = HtmlSanitizerDefaults.AllowedAtRules,
            });
            Sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = e.SanitizedUrl is not { } url ? null
                : IsLocalPhoto(e.Tag, url) && Image is not null ? url // resolved with its size below
                : rootRelative(url);
            Sanitizer.RemovingTag += (_, e) => Removed?.Add($"<{e.Tag.LocalName}>");
            Sanitizer.RemovingAttribute += (_, e) => Removed?.Add($"{e.Attribute.Name} on <{e.Tag.LocalName}>");
            Sanitizer.PostProcessNode += (_, e) =>
            {
                if (e.Node is IElement { LocalName: "img" } img && Image is { } resolve && img.GetAttribute("src") is { } src && IsLocalPhoto(img, src))
                {
                    if (resolve(src) is { } photo)
                    {
                        img.SetAttribute("src", photo.Url);
                        if (photo.Dimensions is { } size && !img.HasAttribute("width") && !img.HasAttribute("height"))
                        {
                            img.SetAttribute("width", size.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            img.SetAttribute("height", size.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }
                    }
                    else
                    {
                        img.SetAttribute("src", rootRelative(src));
                    }
                }

                if (e.Node is IElement { LocalName: "iframe" } frame && !FromKnownHost(frame.GetAttribute("src")))
                {
                    Removed?.Add($"<iframe> from {Host(frame.GetAttribute("src"))}");
                    e.ReplacementNodes.Add(e.Document.CreateTextNode(""));
                }
            };
        }

        public HtmlSanitizer Sanitizer { get; }

        public List<string>? Removed { get; set; }

        /// <summary>Resolves a local photo for whoever rented the cleaner.</summary>
        public Func<string, ResolvedImage?>? Image { get; set; }
    }

    /// <summary>The <c>src</c> of an <c>&lt;img&gt;</c> that names a file of the site.</summary>
    private static bool IsLocalPhoto(IElement element, string url) =>
        element.LocalName == "img" && url == element.GetAttribute("src") && !url.Contains("://", StringComparison.Ordinal)
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    private static bool FromKnownHost(string? src) =>
        Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme == "https" && IframeHosts.Contains(uri.Host);

    private static string Host(string? src) => Uri.TryCreate(src, UriKind.Absolute, out var uri) ? uri.Host : $"'{src}'";
}
