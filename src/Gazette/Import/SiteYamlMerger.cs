using System.Text;
using Gazette.Diagnostics;

namespace Gazette.Import;

/// <summary>
/// Brings the old site's settings into site.yml by adding lines, never by rewriting the file: a key
/// site.yml already has keeps its value (a difference is reported), an author it lacks is added under
/// <c>authors:</c>. The previous file is kept as site.yml.bak (an import needs a site.yml to start from).
/// </summary>
internal static class SiteYamlMerger
{
    public static void Merge(string site, OldSite old, IReadOnlyDictionary<string, OldAuthor> authors, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(site, "site.yml");
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Length == 0 ? new List<string>() : [.. text.TrimEnd('\n').Split('\n')];

        var settings = new (string Key, string? Value)[]
        {
            ("title", old.Title), ("description", old.Description), ("language", old.Language),
            ("timezone", old.TimeZoneId), ("base_url", old.BaseUrl),
        };
        foreach (var (key, value) in settings)
        {
            if (value is null)
            {
                continue;
            }

            var index = lines.FindIndex(line => line.StartsWith(key + ":", StringComparison.Ordinal));
            if (index < 0)
            {
                lines.Add($"{key}: {ArticleScaffolder.Quote(value)}");
            }
            else if (Unquote(lines[index][(key.Length + 1)..]) != value)
            {
                diagnostics.Warning(DiagnosticCodes.ImportKeyDropped, new SourceLocation("site.yml", index + 1, 1),
                    $"the old site's {key} is {ArticleScaffolder.Quote(value)}; site.yml's is kept (change it if the old one is right)");
            }
        }

        var authorsLine = lines.FindIndex(line => line.TrimEnd() == "authors:");
        var known = new HashSet<string>(StringComparer.Ordinal);
        var end = lines.Count;
        if (authorsLine >= 0)
        {
            end = authorsLine + 1;
            while (end < lines.Count && (lines[end].Length == 0 || lines[end].StartsWith(' ')))
            {
                if (lines[end].StartsWith("  ", StringComparison.Ordinal) && !lines[end].StartsWith("   ", StringComparison.Ordinal) && lines[end].TrimEnd().EndsWith(':'))
                {
                    known.Add(lines[end].Trim().TrimEnd(':'));
                }

                end++;
            }

            while (end > authorsLine + 1 && lines[end - 1].Length == 0)
            {
                end--;
            }
        }

        var added = new List<string>();
        foreach (var author in authors.Values.Where(a => !known.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            added.Add($"  {author.Key}:");
            added.Add($"    name: {ArticleScaffolder.Quote(author.Name)}");
            if (author.Bio is { } bio)
            {
                added.Add($"    bio: {ArticleScaffolder.Quote(bio)}");
            }

            if (author.Avatar is { } avatar && !avatar.Contains("://", StringComparison.Ordinal))
            {
                added.Add($"    # avatar: {ArticleScaffolder.Quote(avatar)} (the old site's photo: copy it under static/ and uncomment)");
            }
            else if (author.Avatar is { } remote)
            {
                added.Add($"    avatar: {ArticleScaffolder.Quote(remote)}");
            }
        }

        if (added.Count > 0)
        {
            if (authorsLine < 0)
            {
                added.Insert(0, "authors:");
            }

            lines.InsertRange(end, added);
        }

        var merged = string.Join('\n', lines) + "\n";
        if (merged == text)
        {
            return;
        }

        File.Copy(path, path + ".bak", overwrite: true);

        File.WriteAllText(path, merged, new UTF8Encoding(false));
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        var comment = value.StartsWith('"') || value.StartsWith('\'') ? -1 : value.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0)
        {
            value = value[..comment].TrimEnd();
        }

        return value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
    }
}
