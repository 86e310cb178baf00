using System.Text.RegularExpressions;

namespace Gazette.Markdown.Videos;

/// <summary>
/// A video of a host's player, shown as a click-to-play facade: a poster and a play button, and
/// the host's player (from its privacy-enhanced address) only once the reader asks for it. Until
/// then the page fetches nothing from the host.
/// </summary>
/// <param name="Host">The host's name as readers know it: YouTube, Vimeo, Dailymotion, PeerTube.</param>
/// <param name="Url">The video's page at the host: the link that works without JavaScript.</param>
/// <param name="EmbedUrl">The player loaded on click.</param>
/// <param name="Title">The author's title for it (the link's text or the image's alt); empty when the
/// link is a bare URL (the theme then says "video" and the host).</param>
/// <param name="Poster">The author's image shown until the video plays; null for a styled block.</param>
internal sealed record Video(string Host, string Url, string EmbedUrl, string Title, Figure? Poster)
{
    public bool HasTitle => Title.Length > 0;
}

/// <summary>Recognises the addresses of the video hosts Gazette embeds.</summary>
internal static partial class VideoLinks
{
    /// <summary>The video at <paramref name="url"/>, without title and poster; null when it is not a
    /// video page of a known host.</summary>
    public static Video? Parse(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        if (host is "youtu.be" || host == "youtube.com" || host.EndsWith(".youtube.com", StringComparison.Ordinal)
            || host is "youtube-nocookie.com" or "www.youtube-nocookie.com")
        {
            var id = host == "youtu.be" ? path.TrimStart('/')
                : path == "/watch" ? query["v"]
                : YouTubePath().Match(path) is { Success: true } match ? match.Groups[1].Value : null;
            if (id is null || !YouTubeId().IsMatch(id))
            {
                return null;
            }

            var start = Seconds(query["t"] ?? query["start"]);
            return new Video("YouTube", $"https://www.youtube.com/watch?v={id}{(start > 0 ? $"&t={start}s" : "")}",
                $"https://www.youtube-nocookie.com/embed/{id}?autoplay=1{(start > 0 ? $"&start={start}" : "")}", "", null);
        }

        if (host is "vimeo.com" or "www.vimeo.com" or "player.vimeo.com")
        {
            return VimeoPath().Match(path) is { Success: true } match
                ? new Video("Vimeo", $"https://vimeo.com/{match.Groups[1].Value}",
                    $"https://player.vimeo.com/video/{match.Groups[1].Value}?dnt=1&autoplay=1", "", null)
                : null;
        }

        if (host is "dailymotion.com" or "www.dailymotion.com" or "dai.ly")
        {
            var match = host == "dai.ly" ? DailymotionShort().Match(path) : DailymotionPath().Match(path);
            return match.Success
                ? new Video("Dailymotion", $"https://www.dailymotion.com/video/{match.Groups[1].Value}",
                    $"https://geo.dailymotion.com/player.html?video={match.Groups[1].Value}&autoplay=1", "", null)
                : null;
        }

        // PeerTube runs on any host: its watch pages are /w/<short id> or /videos/watch/<uuid>.
        if (PeerTubePath().Match(path) is { Success: true } peertube && uri.Scheme == "https")
        {
            var id = peertube.Groups[1].Value;
            return new Video("PeerTube", $"https://{uri.Authority}{path}",
                $"https://{uri.Authority}/videos/embed/{id}?autoplay=1&warningTitle=0", "", null);
        }

        return null;
    }

    /// <summary>A start time written <c>90</c>, <c>90s</c> or <c>1m30s</c>, in seconds.</summary>
    private static int Seconds(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        var match = StartTime().Match(text);
        return !match.Success ? 0
            : (Part(match.Groups[1]) * 3600) + (Part(match.Groups[2]) * 60) + Part(match.Groups[3]);

        static int Part(Group group) => group.Success ? int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^/(?:shorts|embed|live|v)/([^/?#]+)/?$")]
    private static partial Regex YouTubePath();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex(@"^/(?:video/)?([0-9]{1,12})/?$")]
    private static partial Regex VimeoPath();

    [GeneratedRegex(@"^/video/([A-Za-z0-9]{5,12})(?:[_/].*)?$")]
    private static partial Regex DailymotionPath();

    [GeneratedRegex(@"^/([A-Za-z0-9]{5,12})/?$")]
    private static partial Regex DailymotionShort();

    [GeneratedRegex(@"^/(?:w|videos/watch)/([A-Za-z0-9-]{8,40})/?$")]
    private static partial Regex PeerTubePath();

    [GeneratedRegex(@"^(?:([0-9]{1,2})h)?(?:([0-9]{1,3})m)?(?:([0-9]{1,5})s)?$")]
    private static partial Regex StartTime();
}
