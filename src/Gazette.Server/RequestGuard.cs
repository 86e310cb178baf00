using System.Net;

namespace Gazette.Server;

/// <summary>
/// Decides what a request may reach. The dev server only ever serves files of the output
/// folder: traversal (<c>..</c>, encoded or not, backslashes), absolute paths and dot-folders
/// (<c>/.git/config</c>) get 404; a foreign <c>Host</c> header gets 403, so a web page cannot
/// reach the server through DNS rebinding; the reload endpoint refuses foreign origins.
/// </summary>
public sealed class RequestGuard(string outputDirectory, string bindAddress)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));

    /// <summary>A Host header naming this machine's loopback, or the address the server was bound to.</summary>
    public bool IsAllowedHost(string? hostHeader)
    {
        if (string.IsNullOrEmpty(hostHeader))
        {
            return false;
        }

        var host = HostWithoutPort(hostHeader);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return false; // a name other than localhost: possibly a rebinding attack
        }

        return IPAddress.IsLoopback(address) || bindAddress is "0.0.0.0" or "::" || address.ToString() == bindAddress;
    }

    /// <summary>No Origin (same-origin EventSource sends none on some browsers), or an origin on an allowed host.</summary>
    public bool IsAllowedOrigin(string? origin, string? hostHeader)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == "http"
            && string.Equals(uri.Authority, hostHeader, StringComparison.OrdinalIgnoreCase) && IsAllowedHost(uri.Authority);
    }

    /// <summary>The file a site-relative path maps to, or null when the path is not allowed.</summary>
    /// <param name="relativePath">The request path after the base path, already percent-decoded once.</param>
    public string? Resolve(string relativePath)
    {
        if (relativePath.Contains('\\') || relativePath.Contains('\0') || relativePath.Contains(':') || relativePath.Contains('%'))
        {
            return null; // backslashes, drive letters and double-encoded paths never name our files
        }

        var segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s.StartsWith('.') || s.Trim().Length == 0))
        {
            return null; // "..", "." and dot-folders such as .git
        }

        var full = Path.GetFullPath(Path.Combine([_root, .. segments]));
        var inside = Path.GetRelativePath(_root, full);
        if (inside.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inside))
        {
            return null;
        }

        return full;
    }

    private static string HostWithoutPort(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end < 0 ? host : host[..(end + 1)];
        }

        var colon = host.LastIndexOf(':');
        return colon < 0 ? host : host[..colon];
    }
}
