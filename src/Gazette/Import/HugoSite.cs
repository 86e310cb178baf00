using System.Globalization;
using System.Text.RegularExpressions;
using Gazette.Diagnostics;
using Gazette.Yaml;
using Tomlyn.Parsing;

namespace Gazette.Import;

/// <summary>
/// A Hugo site: its configuration (<c>hugo.toml</c>, <c>config.yaml</c>, <c>config/_default/</c>), the
/// default language's content folder, <c>data/authors</c>, and <c>static/</c> for root-relative
/// images. A document in a section with a date is an article; the others are pages. Shortcodes
/// are converted, never run.
/// </summary>
internal sealed partial class HugoSite : OldSite
{
    private static readonly string[] ConfigNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml"];

    private static readonly string[] DateKeys = ["date", "publishDate", "pubDate"];
    private static readonly string[] AuthorFiles = ["authors.yaml", "authors.yml", "authors.toml"];

    public required string ContentDirectory { get; init; }

    /// <summary>Section → permalink pattern (<c>posts = "/:year/:month/:slug/"</c>).</summary>
    public IReadOnlyDictionary<string, string> Permalinks { get; init; } = new Dictionary<string, string>();

    public static HugoSite? Read(string root, TimeZoneInfo siteZone, DiagnosticBag diagnostics)
    {
        var configPath = ConfigNames.Select(n => Path.Combine(root, n))
            .Concat(ConfigNames.Select(n => Path.Combine(root, "config", "_default", n))).FirstOrDefault(File.Exists);
        if (configPath is null || !Directory.Exists(Path.Combine(root, "content")))
        {
            diagnostics.Error(DiagnosticCodes.ImportNoSite, SourceLocation.File(root),
                "not a Hugo site: it needs hugo.toml (or config.toml, config.yaml, config/_default/) and content/; give the folder that holds them");
            return null;
        }

        var config = ConfigFile(configPath, Path.GetRelativePath(root, configPath), diagnostics);
        string? Setting(YamlMapping? mapping, string key) =>
            mapping?.Entries.FirstOrDefault(e => e.Key.Value.Equals(key, StringComparison.OrdinalIgnoreCase)).Value is YamlScalar { IsNull: false } scalar
                && scalar.Value.Trim().Length > 0 ? scalar.Value.Trim() : null;
        YamlMapping? Table(YamlMapping? mapping, string key) =>
            mapping?.Entries.FirstOrDefault(e => e.Key.Value.Equals(key, StringComparison.OrdinalIgnoreCase)).Value as YamlMapping;

        var language = Setting(config, "defaultContentLanguage") ?? Setting(config, "languageCode")?.Split('-', '_')[0] ?? "en";
        var languageConfig = Table(Table(config, "languages"), language);
        var languageFile = Path.Combine(Path.GetDirectoryName(configPath)!, $"languages.{language}.toml");
        if (languageConfig is null && File.Exists(languageFile))
        {
            languageConfig = ConfigFile(languageFile, Path.GetRelativePath(root, languageFile), diagnostics);
        }

        var contentDirectory = Path.Combine(root, Setting(languageConfig, "contentDir") ?? Setting(config, "contentDir") ?? "content");
        var (zone, zoneId) = KnownZone(Setting(config, "timeZone"), siteZone);

        var permalinks = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Table(config, "permalinks") is { } table)
        {
            foreach (var (key, value) in table.Entries)
            {
                if (value is YamlScalar pattern)
                {
                    permalinks[key.Value] = pattern.Value;
                }
                else if (value is YamlMapping kinds && key.Value == "page")
                {
                    foreach (var (section, sectionPattern) in kinds.Entries)
                    {
                        if (sectionPattern is YamlScalar scalar)
                        {
                            permalinks[section.Value] = scalar.Value;
                        }
                    }
                }
            }
        }

        var baseUrl = Setting(config, "baseURL");
        var site = new HugoSite
        {
            Root = root,
            ContentDirectory = contentDirectory,
            Title = Setting(languageConfig, "title") ?? Setting(config, "title"),
            Description = Setting(Table(languageConfig, "params"), "description") ?? Setting(Table(config, "params"), "description"),
            Language = language,
            TimeZoneId = zoneId,
            TimeZone = zone,
            BaseUrl = baseUrl is null || !baseUrl.Contains("://", StringComparison.Ordinal) ? null : baseUrl.TrimEnd('/') + "/",
            Settings = config,
            Permalinks = permalinks,
            Authors = ReadAuthors(root, diagnostics),
        };
        if (!Directory.Exists(contentDirectory))
        {
            diagnostics.Error(DiagnosticCodes.ImportNoSite, SourceLocation.File(Path.GetRelativePath(root, contentDirectory)), "the site's content folder does not exist");
            return null;
        }

        foreach (var file in FilesUnder(contentDirectory).Where(IsMarkdown))
        {
            site.Add(file, diagnostics);
        }

        return site;
    }

    private static bool IsMarkdown(string path) => Path.GetExtension(path).ToLowerInvariant() is ".md" or ".markdown";

    private void Add(string file, DiagnosticBag diagnostics)
    {
        var relative = Path.GetRelativePath(ContentDirectory, file).Replace('\\', '/');
        var name = Path.GetFileNameWithoutExtension(file);
        if (name.Equals("_index", StringComparison.OrdinalIgnoreCase))
        {
            return; // a section's list page: Gazette makes its own
        }

        var display = Path.GetRelativePath(Root, file).Replace('\\', '/');
        if (ReadText(file, display, diagnostics) is not { } text || OldFrontMatter.Read(text, display, diagnostics) is not var (frontMatter, body, offset))
        {
            return;
        }

        var isBundle = name.Equals("index", StringComparison.OrdinalIgnoreCase) && relative.Contains('/', StringComparison.Ordinal);
        var path = isBundle ? relative[..relative.LastIndexOf('/')] : relative[..^Path.GetExtension(relative).Length];
        var leaf = path.Split('/')[^1];
        var (date, slug) = OldDates.FromFileName(leaf, TimeZone);
        var inSection = path.Contains('/', StringComparison.Ordinal);
        var hasDate = date is not null || DateKeys.Any(k => frontMatter[k] is YamlScalar { IsNull: false });
        var isArticle = inSection && hasDate;
        Documents.Add(new OldDocument(file, display, frontMatter, body, offset, isArticle, date,
            isArticle ? slug : path, isBundle ? Path.GetDirectoryName(file) : null, [], IsDraft: false));
    }

    private static YamlMapping ConfigFile(string path, string display, DiagnosticBag diagnostics)
    {
        if (!path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
        {
            return ReadYaml(path, display, diagnostics);
        }

        var document = SyntaxParser.Parse(ReadText(path, display, diagnostics) ?? "", display, validate: true);
        if (document.HasErrors)
        {
            var first = document.Diagnostics.First();
            diagnostics.Warning(DiagnosticCodes.ImportKeyDropped, new SourceLocation(display, first.Span.Start.Line + 1, first.Span.Start.Column + 1),
                $"TOML: {first.Message}; its settings are not imported");
            return new YamlMapping(1, 1);
        }

        return OldFrontMatter.TomlTree(document);
    }

    private static Dictionary<string, OldAuthor> ReadAuthors(string root, DiagnosticBag diagnostics)
    {
        var authors = new Dictionary<string, OldAuthor>(StringComparer.Ordinal);
        var data = Path.Combine(root, "data");
        var files = AuthorFiles.Select(n => Path.Combine(data, n)).Where(File.Exists).ToList();
        var folder = Path.Combine(data, "authors");
        foreach (var file in files)
        {
            foreach (var (key, value) in ConfigFile(file, Path.GetRelativePath(root, file), diagnostics).Entries)
            {
                Add(key.Value, value);
            }
        }

        if (Directory.Exists(folder))
        {
            foreach (var file in FilesUnder(folder, recurse: false).Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".toml"))
            {
                Add(Path.GetFileNameWithoutExtension(file), ConfigFile(file, Path.GetRelativePath(root, file), diagnostics));
            }
        }

        return authors;

        void Add(string key, YamlValue value)
        {
            authors[key] = new OldAuthor(key, Field(value, "name", "displayName", "fullname") ?? key, Field(value, "bio", "description", "about"), Field(value, "avatar", "image", "photo"));
        }
    }

    public override string OldUrl(OldDocument document, ImportedArticle article)
    {
        if (document.Text("url") is { } own)
        {
            return own.StartsWith('/') ? own : "/" + own;
        }

        var relative = Path.GetRelativePath(ContentDirectory, document.BundleDirectory ?? document.Path).Replace('\\', '/');
        var path = document.BundleDirectory is null ? relative[..^Path.GetExtension(relative).Length] : relative;
        var segments = path.Split('/');
        var section = segments.Length > 1 ? segments[0] : "";
        var slug = document.Text("slug");
        var fileName = segments[^1];
        if (document.IsArticle && Permalinks.TryGetValue(section, out var pattern))
        {
            var date = article.Date!.Value.Value;
            var urlized = Urlize(article.Title);
            var url = Placeholder().Replace(pattern, match => match.Groups[1].Value switch
            {
                "year" => date.Year.ToString("D4", CultureInfo.InvariantCulture),
                "month" => date.Month.ToString("D2", CultureInfo.InvariantCulture),
                "monthname" => date.ToString("MMMM", CultureInfo.InvariantCulture).ToLowerInvariant(),
                "day" => date.Day.ToString("D2", CultureInfo.InvariantCulture),
                "weekday" => ((int)date.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                "weekdayname" => date.DayOfWeek.ToString().ToLowerInvariant(),
                "yearday" => date.DayOfYear.ToString(CultureInfo.InvariantCulture),
                "section" => section,
                "sections" => string.Join('/', segments[..^1]),
                "title" => urlized,
                "slug" => slug ?? urlized,
                "filename" or "contentbasename" => fileName,
                "slugorfilename" or "slugorcontentbasename" => slug ?? fileName,
                _ => match.Value,
            });
            return (url.StartsWith('/') ? url : "/" + url).ToLowerInvariant();
        }

        var folders = string.Join('/', segments[..^1]);
        var last = slug ?? fileName;
        return ("/" + (folders.Length > 0 ? folders + "/" : "") + last + "/").ToLowerInvariant();
    }

    [GeneratedRegex(@":([a-z]+)")]
    private static partial Regex Placeholder();

    public override string? ResolveFile(OldDocument document, string path)
    {
        var candidates = path.StartsWith('/')
            ? new[] { Path.Combine(Root, "static", path.TrimStart('/')), Path.Combine(ContentDirectory, path.TrimStart('/')), Path.Combine(Root, "assets", path.TrimStart('/')) }
            : [Path.Combine(Path.GetDirectoryName(document.Path)!, path), Path.Combine(Root, "static", path), Path.Combine(Root, "assets", path)];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists) ?? Path.GetFullPath(candidates[0]);
    }

    public override string ConvertTemplates(OldDocument document, ImportedArticle article, ImportLinks links, DiagnosticBag diagnostics) =>
        ShortcodeConverter.Convert(document, links, diagnostics);
}
