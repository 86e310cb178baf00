using System.Globalization;
using System.Text.RegularExpressions;
using Gazette.Diagnostics;
using Gazette.Yaml;

namespace Gazette.Import;

/// <summary>
/// A Jekyll site: <c>_config.yml</c>, <c>_data/authors.yml</c>, the posts of <c>_posts/</c> (and of
/// <c>&lt;category&gt;/_posts/</c>), the drafts of <c>_drafts/</c>, and the Markdown pages at its
/// root. Liquid in Markdown is converted, never run.
/// </summary>
internal sealed partial class JekyllSite : OldSite
{
    private static readonly string[] MarkdownExtensions = [".md", ".markdown", ".mdown", ".mkd", ".mkdn"];

    /// <summary>The post permalink: the document's own, else the collection's, else the site's.</summary>
    public string Permalink { get; init; } = "date";

    public static JekyllSite? Read(string root, TimeZoneInfo siteZone, DiagnosticBag diagnostics)
    {
        var configPath = Path.Combine(root, "_config.yml");
        if (!File.Exists(configPath) && !Directory.Exists(Path.Combine(root, "_posts")))
        {
            diagnostics.Error(DiagnosticCodes.ImportNoSite, SourceLocation.File(root),
                "not a Jekyll site: it has neither _config.yml nor _posts/; give the folder that holds them");
            return null;
        }

        var config = File.Exists(configPath) ? ReadYaml(configPath, "_config.yml", diagnostics) : new YamlMapping(1, 1);
        string? Setting(string key) => config[key] is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0 ? scalar.Value.Trim() : null;
        var (zone, zoneId) = KnownZone(Setting("timezone"), siteZone);

        var permalink = (config["collections"] as YamlMapping)?["posts"] is YamlMapping posts && posts["permalink"] is YamlScalar collectionPermalink
            ? collectionPermalink.Value
            : Setting("permalink") ?? "date";
        var url = Setting("url");
        var baseUrl = url is null ? null : $"{url.TrimEnd('/')}/{(Setting("baseurl") ?? "").Trim('/')}".TrimEnd('/') + "/";
        var site = new JekyllSite
        {
            Root = root,
            Title = Setting("title") ?? Setting("name"),
            Description = Setting("description"),
            Language = Setting("lang") ?? Setting("language") ?? Setting("locale")?.Split('_', '-')[0],
            TimeZoneId = zoneId,
            TimeZone = zone,
            BaseUrl = baseUrl,
            Settings = config,
            Permalink = permalink,
            Authors = ReadAuthors(root, diagnostics),
        };
        foreach (var file in PostFiles(root))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var segments = relative.Split('/');
            var postsIndex = Array.FindIndex(segments, s => s is "_posts" or "_drafts");
            var isDraft = segments[postsIndex] == "_drafts";
            var categories = segments[..postsIndex].Where(s => s.Length > 0).ToList();
            if (ReadText(file, relative, diagnostics) is { } text)
            {
                site.Add(file, relative, text, isArticle: true, categories, isDraft, diagnostics);
            }
        }

        foreach (var file in FilesUnder(root, recurse: false).Where(IsMarkdown))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.Equals("README", StringComparison.OrdinalIgnoreCase) || name.Equals("index", StringComparison.OrdinalIgnoreCase)
                || name.Equals("CHANGELOG", StringComparison.OrdinalIgnoreCase) || name.Equals("LICENSE", StringComparison.OrdinalIgnoreCase)
                || ReadText(file, Path.GetFileName(file), diagnostics) is not { } text || !text.StartsWith("---", StringComparison.Ordinal))
            {
                continue; // not a page: Jekyll renders only files with front matter
            }

            site.Add(file, Path.GetFileName(file), text, isArticle: false, [], isDraft: false, diagnostics);
        }

        return site;
    }

    private void Add(string file, string relative, string text, bool isArticle, IReadOnlyList<string> categories, bool isDraft, DiagnosticBag diagnostics)
    {
        if (OldFrontMatter.Read(text, relative, diagnostics) is not var (frontMatter, body, offset))
        {
            return;
        }

        var (date, slug) = OldDates.FromFileName(Path.GetFileNameWithoutExtension(file), TimeZone);
        Documents.Add(new OldDocument(file, relative, frontMatter, body, offset, isArticle, date, slug, BundleDirectory: null, categories, isDraft));
    }

    private static IEnumerable<string> PostFiles(string root)
    {
        var folders = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var child in FoldersIn(folder))
            {
                var name = Path.GetFileName(child);
                if (name is "_posts" or "_drafts")
                {
                    folders.Add(child);
                }
                else if (!name.StartsWith('.') && !name.StartsWith('_') && name is not ("node_modules" or "vendor"))
                {
                    pending.Push(child);
                }
            }
        }

        return folders.SelectMany(f => FilesUnder(f)).Where(IsMarkdown).Order(StringComparer.Ordinal);
    }

    private static bool IsMarkdown(string path) => MarkdownExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static Dictionary<string, OldAuthor> ReadAuthors(string root, DiagnosticBag diagnostics)
    {
        var authors = new Dictionary<string, OldAuthor>(StringComparer.Ordinal);
        foreach (var name in new[] { "authors.yml", "authors.yaml" })
        {
            var path = Path.Combine(root, "_data", name);
            if (!File.Exists(path))
            {
                continue;
            }

            var data = ReadYaml(path, $"_data/{name}", diagnostics);
            foreach (var (key, value) in data.Entries)
            {
                authors[key.Value] = new OldAuthor(key.Value, Field(value, "name", "display_name", "fullname") ?? (value as YamlScalar)?.Value ?? key.Value,
                    Field(value, "bio", "description", "about"), Field(value, "avatar", "picture", "image", "photo"));
            }
        }

        return authors;
    }

    public override string OldUrl(OldDocument document, ImportedArticle article)
    {
        var own = document.Text("permalink");
        if (!document.IsArticle)
        {
            var name = Path.GetFileNameWithoutExtension(document.Path);
            return own ?? (Permalink.EndsWith('/') || Permalink == "pretty" ? $"/{name}/" : $"/{name}.html");
        }

        var pattern = own ?? Permalink switch
        {
            "date" => "/:categories/:year/:month/:day/:title:output_ext",
            "pretty" => "/:categories/:year/:month/:day/:title/",
            "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
            "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
            "none" => "/:categories/:title:output_ext",
            _ => Permalink,
        };
        var date = article.Date!.Value.Value;
        var categories = string.Join('/', document.AllCategories.Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal));
        var title = document.Text("slug") ?? document.FileSlug;
        var url = Placeholder().Replace(pattern, match => match.Groups[1].Value switch
        {
            "year" => date.Year.ToString("D4", CultureInfo.InvariantCulture),
            "short_year" => (date.Year % 100).ToString("D2", CultureInfo.InvariantCulture),
            "month" => date.Month.ToString("D2", CultureInfo.InvariantCulture),
            "i_month" => date.Month.ToString(CultureInfo.InvariantCulture),
            "short_month" => date.ToString("MMM", CultureInfo.InvariantCulture),
            "long_month" => date.ToString("MMMM", CultureInfo.InvariantCulture),
            "day" => date.Day.ToString("D2", CultureInfo.InvariantCulture),
            "i_day" => date.Day.ToString(CultureInfo.InvariantCulture),
            "y_day" => date.DayOfYear.ToString("D3", CultureInfo.InvariantCulture),
            "hour" => date.Hour.ToString("D2", CultureInfo.InvariantCulture),
            "minute" => date.Minute.ToString("D2", CultureInfo.InvariantCulture),
            "second" => date.Second.ToString("D2", CultureInfo.InvariantCulture),
            "title" => title,
            "slug" => Urlize(title),
            "categories" => categories,
            "output_ext" => ".html",
            "path" => Path.ChangeExtension(document.DisplayPath, null),
            "name" => Path.GetFileNameWithoutExtension(document.Path),
            "collection" => "posts",
            _ => match.Value,
        });
        while (url.Contains("//", StringComparison.Ordinal))
        {
            url = url.Replace("//", "/", StringComparison.Ordinal);
        }

        return url.StartsWith('/') ? url : "/" + url;
    }

    [GeneratedRegex(@":([a-z_]+)")]
    private static partial Regex Placeholder();

    public override string? ResolveFile(OldDocument document, string path)
    {
        if (path.StartsWith('/'))
        {
            return Path.Combine(Root, path.TrimStart('/'));
        }

        var beside = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document.Path)!, path));
        return File.Exists(beside) ? beside : Path.GetFullPath(Path.Combine(Root, path));
    }

    public override string ConvertTemplates(OldDocument document, ImportedArticle article, ImportLinks links, DiagnosticBag diagnostics) =>
        LiquidConverter.Convert(document, this, links, diagnostics);
}
