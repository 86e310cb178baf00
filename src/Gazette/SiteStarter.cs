using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gazette.Diagnostics;
using Gazette.Text;

namespace Gazette;

/// <summary>What <c>gazette init</c> asks of a new site.</summary>
public sealed record SiteAnswers(string Title, string BaseUrl, string Language, string TimeZone, string Author);

/// <summary>
/// <c>gazette init</c>: turns a copy of Gazette's repository into a site of one's own. The sample's
/// articles, pages and photos go (only the files that are still the sample's, byte for byte: the
/// site's own are never touched), site.yml is written from the answers, and a first draft article
/// is left. The theme stays where it is (the site uses Gazette's own <c>themes/</c>), and so does
/// the Pages workflow.
/// </summary>
public static class SiteStarter
{
    /// <summary>The sample's files: site-relative path → SHA-256 of the bytes Gazette ships.</summary>
    public static IReadOnlyDictionary<string, string> SampleFiles(string manifest) =>
        manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split("  ", 2))
            .ToDictionary(parts => parts[1], parts => parts[0], StringComparer.Ordinal);

    /// <summary>The manifest line of each file, as <see cref="SampleFiles"/> reads it.</summary>
    public static string Manifest(string siteDirectory) =>
        string.Concat(SampleCandidates(siteDirectory).Order(StringComparer.Ordinal)
            .Select(path => $"{Hash(Path.Combine(siteDirectory, path))}  {path}\n"));

    /// <returns>The first article's path relative to the site; null when the site kept articles of
    /// its own (none is written), or after reporting why it cannot start.</returns>
    /// <param name="force">Start the site even though it has articles of its own (they stay) or a
    /// site.yml of its own (kept as site.yml.bak).</param>
    public static string? Init(string siteDirectory, SiteAnswers answers, IReadOnlyDictionary<string, string> sample, bool force, DateTimeOffset now,
        DiagnosticBag diagnostics)
    {
        if (!TryTimeZone(answers.TimeZone, out var zone))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, SourceLocation.File("site.yml"),
                $"unknown time zone '{answers.TimeZone}'; give an IANA name such as Europe/Paris or America/New_York");
            return null;
        }

        if (!Uri.TryCreate(answers.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, SourceLocation.File("site.yml"),
                $"base URL '{answers.BaseUrl}' is not an http(s) address; GitHub Pages gives https://USER.github.io/REPOSITORY/");
            return null;
        }

        var files = SampleCandidates(siteDirectory).ToList();
        var own = files.Where(path => !IsSample(siteDirectory, path, sample)).ToList();
        var ownContent = own.Where(path => path != "site.yml").ToList();
        if (own.Count > 0 && !force)
        {
            foreach (var path in own.Take(5))
            {
                diagnostics.Error(DiagnosticCodes.SiteNotSample, SourceLocation.File(path),
                    "this file is not Gazette's sample, so the site already has content of its own; init removes only the sample's files: "
                    + (path == "site.yml" ? "run it with -Force (--force) to write a new site.yml, the old one kept as site.yml.bak" : "run it with -Force (--force) to start anyway, keeping this file"));
            }

            return null;
        }

        foreach (var path in files.Except(own))
        {
            File.Delete(Path.Combine(siteDirectory, path));
        }

        var content = Path.Combine(siteDirectory, "content");
        if (Directory.Exists(content))
        {
            Output.OutputWriter.RemoveEmptyFolders(content); // the sample's emptied bundles
        }

        var siteYml = Path.Combine(siteDirectory, "site.yml");
        if (own.Contains("site.yml"))
        {
            File.Copy(siteYml, siteYml + ".bak", overwrite: true);
        }

        File.WriteAllText(siteYml, SiteYml(answers, baseUrl), new UTF8Encoding(false));
        return ownContent.Count > 0 ? null : FirstArticle(siteDirectory, answers, TimeZoneInfo.ConvertTime(now, zone));
    }

    /// <summary>The files init may remove or replace: site.yml and everything under content/.</summary>
    private static IEnumerable<string> SampleCandidates(string siteDirectory)
    {
        if (File.Exists(Path.Combine(siteDirectory, "site.yml")))
        {
            yield return "site.yml";
        }

        var content = Path.Combine(siteDirectory, "content");
        if (!Directory.Exists(content))
        {
            yield break;
        }

        foreach (var file in SafeFiles.Enumerate(content, "*"))
        {
            yield return Path.GetRelativePath(siteDirectory, file).Replace('\\', '/');
        }
    }

    private static bool IsSample(string siteDirectory, string path, IReadOnlyDictionary<string, string> sample) =>
        sample.TryGetValue(path, out var hash) && Hash(Path.Combine(siteDirectory, path)) == hash;

    /// <summary>SHA-256 of the file, text files with their line ends as LF (a Windows checkout
    /// with CRLF is still the sample).</summary>
    private static string Hash(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (Path.GetExtension(path).ToLowerInvariant() is ".md" or ".yml" or ".yaml" or ".svg")
        {
            bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    internal static bool TryTimeZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    private static string SiteYml(SiteAnswers answers, Uri baseUrl)
    {
        var authorKey = Slug.From(answers.Author);
        var url = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/";
        return $"""
            # Written by `gazette init`; every key is documented in Gazette's docs/site-yml.md.
            title: {Quote(answers.Title)}
            description: ""
            base_url: {Quote(url)}
            language: {Quote(answers.Language)}
            timezone: {Quote(answers.TimeZone)}
            theme: default
            pagination: 10
            permalinks:
              article: "/{"{year}"}/{"{month}"}/{"{slug}"}/"
            minify: true
            output: _site
            publisher:
              name: {Quote(answers.Title)}
            default_author: {authorKey}
            authors:
              {authorKey}:
                name: {Quote(answers.Author)}
                bio: ""

            """;
    }

    /// <summary>A draft that builds (with --drafts too: it has no photo to find).</summary>
    private static string FirstArticle(string siteDirectory, SiteAnswers answers, DateTimeOffset now)
    {
        var french = answers.Language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        var title = french ? "Mon premier article" : "My first article";
        var body = french
            ? "Le chapô va dans « summary » ; écrivez l’article ici, puis retirez « draft: true » pour le publier.\n"
            : "The lead goes in \"summary\"; write the article here, then remove \"draft: true\" to publish it.\n";
        var relative = $"content/posts/{Slug.From(title)}/index.md";
        var path = Path.Combine(siteDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""
            ---
            title: "{title}"
            date: {now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}
            summary: ""
            tags: []
            draft: true
            ---

            {body}
            """, new UTF8Encoding(false));
        return relative;
    }

    private static string Quote(string value) => ArticleScaffolder.Quote(value);
}
