namespace Gazette.Text;

/// <summary>
/// The one rule for every URL that comes from content or site.yml (links in articles, captions and
/// credits, credit_url, sources, the menu): relative URLs and the schemes http, https, mailto and
/// tel. Anything else (javascript:, vbscript:, data:, file:…) can run code or leave the web, and
/// is refused. The scheme is read as a browser reads it: tabs and line breaks anywhere are
/// ignored, as are spaces and controls around the URL, and letters in any case.
/// </summary>
internal static class UrlPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>The schemes allowed, for messages.</summary>
    public const string Allowed = "http:, https:, mailto:, tel: or a relative URL";

    /// <summary>The warning for a link target (in a caption, a credit, the text) that the policy refuses.</summary>
    public static string Dropped(string url) =>
        $"link target '{url}' dropped (its text stays): use {Allowed}; other schemes can run code";

    public static bool IsAllowed(string? url) => SchemeOf(url) is not { } scheme || AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>The URL's scheme (without its colon), or null for a relative URL.</summary>
    public static string? SchemeOf(string? url)
    {
        var text = url.AsSpan();
        if (!text.Contains(':'))
        {
            return null; // the common case, decided without a copy
        }

        Span<char> scheme = stackalloc char[32];
        var length = 0;
        var started = false;
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r' || (!started && c <= ' '))
            {
                continue; // browsers drop them: "java\tscript:", " javascript:"
            }

            started = true;
            if (c == ':')
            {
                return length > 0 && char.IsAsciiLetter(scheme[0]) ? new string(scheme[..length]) : null;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') || length == scheme.Length)
            {
                return null; // a '/', '?', '#' or '%' before any colon: a path, not a scheme
            }

            scheme[length++] = c;
        }

        return null;
    }
}
