using System.Globalization;
using Gazette.Configuration;

namespace Gazette.Configuration;

/// <summary>Builds every URL of the site from the base URL, so a site under a path
/// (<c>https://user.github.io/blog/</c>) works everywhere.</summary>
public sealed class SiteUrls
{
    private readonly string _origin;

    public SiteUrls(SiteConfig config)
    {
        var uri = new Uri(config.BaseUrl);
        _origin = uri.GetLeftPart(UriPartial.Authority);
        BasePath = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
    }

    /// <summary>The path every internal URL starts with, such as <c>/blog/</c> (or <c>/</c>).</summary>
    public string BasePath { get; }

    /// <summary>Site URL of an output folder or file given relative to the output root
    /// (<c>2024/09/x/</c> → <c>/blog/2024/09/x/</c>).</summary>
    /// <remarks>Each segment is percent-encoded (a photo named <c>a b#c.svg</c> becomes
    /// <c>a%20b%23c.svg</c>): every URL Gazette makes from a file name passes here.</remarks>
    public string ForOutput(string relative) => BasePath + EncodePath(relative.TrimStart('/'));

    private static readonly System.Buffers.SearchValues<char> UrlSafe = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/");

    /// <summary>Percent-encodes each segment of a path, keeping its slashes.</summary>
    public static string EncodePath(string path) =>
        !path.AsSpan().ContainsAnyExcept(UrlSafe) ? path : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Full URL with scheme and host, for feeds, canonical links and structured data.</summary>
    public string Absolute(string siteUrl) =>
        siteUrl.Contains("://", StringComparison.Ordinal) ? siteUrl : _origin + siteUrl;

    /// <summary>An author's root-relative link (<c>/2024/09/x/</c>) moved under the base path;
    /// other URLs (relative, external, fragment, protocol-relative) are returned unchanged.</summary>
    public string RootRelative(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith(BasePath, StringComparison.Ordinal)
            ? BasePath + url[1..]
            : url;

    /// <summary>Fills an article permalink pattern such as <c>/{year}/{month}/{slug}/</c>; returns the
    /// output folder relative to the output root, such as <c>2024/09/openai-paris/</c>.</summary>
    public static string ArticleFolder(string pattern, DateTimeOffset date, string slug, string? categorySlug)
    {
        var path = pattern
            .Replace("{year}", date.Year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", date.Month.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{day}", date.Day.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{category}", string.IsNullOrEmpty(categorySlug) ? "articles" : categorySlug, StringComparison.Ordinal)
            .Replace("{slug}", slug, StringComparison.Ordinal);
        return path.Trim('/') + "/";
    }
}
