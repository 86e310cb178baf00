using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Text;
using Gazette.Yaml;

namespace Gazette.Configuration;

/// <summary>Reads site.yml into a <see cref="SiteConfig"/>, reporting every problem with its line.</summary>
public static class SiteConfigLoader
{
    public const string FileName = "site.yml";

    private static readonly string[] KnownKeys =
    [
        "title", "description", "base_url", "language", "timezone", "theme", "authors", "default_author",
        "pagination", "permalinks", "minify", "output", "copyright", "publisher", "menu", "params", "typography", "feeds", "cname", "markdown", "images", "search", "languages", "social", "legal", "contact", "home", "favicon",
    ];

    public static SiteConfig? Load(string sourceDirectory, DiagnosticBag diagnostics, string? baseUrlOverride = null)
    {
        var path = Path.Combine(sourceDirectory, FileName);
        var location = SourceLocation.File(FileName);
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, location,
                $"no {FileName} in '{sourceDirectory}'; create one with at least 'title: My site', or pass --source to the site folder");
            return null;
        }

        if (!TextFile.TryRead(path, FileName, diagnostics, out var text))
        {
            return null;
        }

        var (root, problems) = YamlDocumentReader.Read(text);
        foreach (var problem in problems)
        {
            diagnostics.Error(problem.Code, new SourceLocation(FileName, problem.Line, problem.Column), problem.Message);
        }

        if (root is not YamlMapping mapping)
        {
            if (problems.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.ConfigInvalid, new SourceLocation(FileName, 1, 1),
                    $"{FileName} must be a mapping of 'key: value' lines, starting with 'title: My site'");
            }

            return null;
        }

        return Read(new YamlFieldReader(mapping, FileName, 0, diagnostics), baseUrlOverride);
    }

    private static SiteConfig? Read(YamlFieldReader fields, string? baseUrlOverride)
    {
        var diagnostics = fields.Diagnostics;
        var title = fields.String("title", required: true);
        var baseUrlNode = fields.Node("base_url");
        var baseUrl = NormalizeBaseUrl(baseUrlOverride ?? fields.String("base_url") ?? "http://localhost/");
        if (baseUrl is null)
        {
            var where = baseUrlOverride is not null || baseUrlNode is null
                ? new SourceLocation(FileName, 0, 0)
                : fields.LocationOf(baseUrlNode);
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, where,
                "base_url must be an absolute http(s) URL such as 'https://user.github.io/blog/'");
        }

        var timeZoneId = fields.String("timezone") ?? "Europe/Paris";
        TimeZoneInfo timeZone = TimeZoneInfo.Utc;
        try
        {
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, fields.LocationOf(fields.Node("timezone")!),
                $"unknown timezone '{timeZoneId}'; use an IANA name such as 'Europe/Paris' or 'UTC'");
        }

        var authors = ReadAuthors(fields);
        var permalink = "/{year}/{month}/{slug}/";
        if (fields.Mapping("permalinks") is { } permalinks)
        {
            var permalinkFields = fields.Nested(permalinks);
            var articlePattern = permalinkFields.String("article");
            if (articlePattern is not null)
            {
                if (!articlePattern.Contains("{slug}", StringComparison.Ordinal))
                {
                    diagnostics.Error(DiagnosticCodes.ConfigInvalid, fields.LocationOf(permalinkFields.Node("article")!),
                        "the article permalink must contain {slug}, such as '/{year}/{month}/{slug}/'");
                }

                permalink = "/" + articlePattern.Trim('/') + "/";
            }

            permalinkFields.ReportUnread(DiagnosticCodes.ConfigUnknownKey, "permalinks", ["article"]);
        }

        Publisher? publisher = null;
        var iconAt = fields.Node("favicon") is { } favicon ? fields.LocationOf(favicon) : SourceLocation.File(FileName);
        if (fields.Mapping("publisher") is { } publisherMapping)
        {
            var publisherFields = fields.Nested(publisherMapping);
            publisher = new Publisher(publisherFields.String("name", required: true) ?? "", publisherFields.Url("logo"));
            if (fields.Node("favicon") is null && publisherFields.Node("logo") is { } logo)
            {
                iconAt = publisherFields.LocationOf(logo);
            }

            publisherFields.ReportUnread(DiagnosticCodes.ConfigUnknownKey, "publisher", ["name", "logo"]);
        }

        int feedLimit = 20;
        var feedFull = true;
        if (fields.Mapping("feeds") is { } feeds)
        {
            var feedFields = fields.Nested(feeds);
            feedLimit = feedFields.Int("limit", 1, 10_000) ?? 20;
            var contentNode = feedFields.Node("content");
            var content = feedFields.String("content") ?? "full";
            if (content is not ("full" or "summary"))
            {
                feedFields.WrongType("feeds.content", contentNode!, "full or summary");
            }

            feedFull = content != "summary";
            feedFields.ReportUnread(DiagnosticCodes.ConfigUnknownKey, "feeds", ["limit", "content"]);
        }

        var unsafeHtml = false;
        var githubHeadingIds = false;
        if (fields.Mapping("markdown") is { } markdownSettings)
        {
            var markdownFields = fields.Nested(markdownSettings);
            unsafeHtml = markdownFields.Bool("unsafe_html") ?? false;
            githubHeadingIds = markdownFields.Choice("heading_ids", "gazette", "github") == "github";
            markdownFields.ReportUnread(DiagnosticCodes.ConfigUnknownKey, "markdown", ["unsafe_html", "heading_ids"]);
        }

        var photos = new PhotoSettings();
        if (fields.Mapping("images") is { } imageSettings)
        {
            var imageFields = fields.Nested(imageSettings);
            var widths = imageFields.Node("widths") is null ? PhotoSettings.DefaultWidths : ReadWidths(imageFields);
            photos = new PhotoSettings(imageFields.Bool("resize") ?? true, widths, imageFields.Bool("avif") ?? true);
            imageFields.ReportUnread(DiagnosticCodes.ConfigUnknownKey, "images", ["resize", "widths", "avif"]);
        }

        var search = new SearchSettings();
        if (fields.Mapping("search") is { } searchSettings)
        {
            var searchFields = fields.Nested(searchSettings);
            var path = searchFields.String("path")?.Trim('/');
            if (path is not null && (path.Length == 0 || !path.Split('/').All(segment => segment.Length > 0 && segment.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))))
            {
                searchFields.WrongType("search.path", searchFields.Node("path")!, "a path of lowercase letters, digits and dashes, such as /recherche/");
                path = null;
            }

            search = new SearchSettings(searchFields.Bool("enabled") ?? true, path is null ? null : path + "/");
            searchFields.ReportUnread(DiagnosticCodes.ConfigUnknownKey, "search", ["enabled", "path"]);
        }

        var config = new SiteConfig
        {
            Photos = photos,
            Search = search,
            UnsafeHtml = unsafeHtml,
            GitHubHeadingIds = githubHeadingIds,
            FeedLimit = feedLimit,
            FeedFullContent = feedFull,
            Cname = fields.String("cname"),
            Title = title ?? "",
            Description = fields.String("description") ?? "",
            BaseUrl = baseUrl ?? "http://localhost/",
            Language = fields.String("language") ?? "fr",
            TimeZoneId = timeZoneId,
            TimeZone = timeZone,
            Theme = fields.String("theme") ?? "default",
            Authors = authors,
            DefaultAuthor = fields.String("default_author"),
            Pagination = fields.Int("pagination", 1, 1000) ?? 10,
            ArticlePermalink = permalink,
            Minify = fields.Bool("minify") ?? true,
            Output = fields.String("output") ?? "_site",
            Copyright = fields.String("copyright"),
            Publisher = publisher,
            Menu = ReadMenu(fields),
            Home = ReadHome(fields) ?? new HomeLayout(),
            Social = ReadLinks(fields, "social"),
            Legal = fields.Url("legal"),
            Favicon = fields.Url("favicon"),
            IconAt = iconAt,
            Contact = fields.Url("contact"),
            Typography = fields.Choice("typography", "fr", "en", "none"),
            Params = fields.Mapping("params") is { } parameters
                ? (IReadOnlyDictionary<string, object?>)YamlPlainObjects.Convert(parameters)!
                : new Dictionary<string, object?>(),
        };
        config = config with { Languages = ReadLanguages(fields, config, diagnostics) };
        if (config.Languages.Count > 0)
        {
            config = config with { Language = config.Languages[0].Code };
        }

        fields.ReportUnread(DiagnosticCodes.ConfigUnknownKey, FileName, KnownKeys);
        if (config.DefaultAuthor is { } defaultAuthor && config.UndeclaredAuthor(defaultAuthor) is { } problem)
        {
            diagnostics.Warning(DiagnosticCodes.AuthorUndeclared, fields.LocationOf(fields.Node("default_author")!), problem);
        }

        return config;
    }

    /// <summary><c>languages:</c>: code → name, title, description, menu; the first is the default,
    /// and what a language leaves out is the site's.</summary>
    private static List<SiteLanguage> ReadLanguages(YamlFieldReader fields, SiteConfig site, DiagnosticBag diagnostics)
    {
        var languages = new List<SiteLanguage>();
        if (fields.Mapping("languages") is not { } mapping)
        {
            return languages;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(key.Value, "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"))
            {
                diagnostics.Error(DiagnosticCodes.ConfigInvalid, fields.LocationOf(key),
                    $"'{key.Value}' is not a language code; use one such as fr, en or pt-BR");
                continue;
            }

            var language = value is YamlMapping settings ? fields.Nested(settings) : null;
            if (language is null && value is not YamlScalar { IsNull: true })
            {
                fields.WrongType($"languages.{key.Value}", value, "a mapping with name, title, description and menu");
            }

            languages.Add(new SiteLanguage(key.Value, language?.String("name") ?? LanguageNames.Of(key.Value),
                language?.String("title") ?? site.Title, language?.String("description") ?? site.Description,
                language?.Node("menu") is null ? site.Menu : ReadMenu(language), language is null ? null : ReadHome(language)));
            language?.ReportUnread(DiagnosticCodes.ConfigUnknownKey, $"language '{key.Value}'", ["name", "title", "description", "menu", "home"]);
        }

        if (languages.Count > 0 && fields.Node("language") is { } declared && fields.String("language") != languages[0].Code)
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, fields.LocationOf(declared),
                $"'language: {fields.String("language")}' is not the first of 'languages:' ({languages[0].Code}), which is the default; remove 'language:' or list that language first");
        }

        return languages;
    }

    private static Dictionary<string, AuthorProfile> ReadAuthors(YamlFieldReader fields)
    {
        var authors = new Dictionary<string, AuthorProfile>(StringComparer.Ordinal);
        if (fields.Mapping("authors") is not { } mapping)
        {
            return authors;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (value is YamlScalar { IsNull: false } name)
            {
                authors[key.Value] = new AuthorProfile(key.Value, name.Value, null, null);
            }
            else if (value is YamlMapping profile)
            {
                var author = fields.Nested(profile);
                authors[key.Value] = new AuthorProfile(key.Value, author.String("name") ?? key.Value,
                    author.String("bio"), author.String("avatar"), author.Choice("type", "person", "organization") == "organization");
                author.ReportUnread(DiagnosticCodes.ConfigUnknownKey, $"author '{key.Value}'", ["name", "bio", "avatar", "type"]);
            }
            else
            {
                fields.WrongType($"authors.{key.Value}", value, "a mapping with name, bio, avatar and type");
            }
        }

        return authors;
    }

    /// <summary><c>images.widths</c>: whole pixels from 16 to 8192, sorted, each once.</summary>
    private static IReadOnlyList<int> ReadWidths(YamlFieldReader fields)
    {
        var widths = new SortedSet<int>();
        foreach (var text in fields.StringList("widths"))
        {
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width)
                && width is >= 16 and <= 8192)
            {
                widths.Add(width);
            }
            else
            {
                fields.WrongType("images.widths", fields.Node("widths")!, "a list of widths in pixels from 16 to 8192, such as [480, 800, 1200]");
                return PhotoSettings.DefaultWidths;
            }
        }

        return widths.Count == 0 ? PhotoSettings.DefaultWidths : [.. widths];
    }

    private static List<MenuEntry> ReadMenu(YamlFieldReader fields) => ReadLinks(fields, "menu");

    /// <summary><c>home: {featured, latest, sections}</c>; null when absent.</summary>
    private static HomeLayout? ReadHome(YamlFieldReader fields)
    {
        if (fields.Node("home") is not { } node)
        {
            return null;
        }

        if (node is not YamlMapping mapping)
        {
            fields.WrongType("home", node, "a mapping with featured, latest and sections");
            return null;
        }

        var home = fields.Nested(mapping);
        var defaults = new HomeLayout();
        var listed = home.Node("sections");
        var sections = listed is null ? null : home.StringList("sections");
        var lines = listed is YamlSequence sequence ? sequence.Items.Select(home.LocationOf).ToList() : listed is null ? [] : [home.LocationOf(listed)];
        var layout = new HomeLayout(home.Int("featured", 0, 100) ?? defaults.Featured, home.Int("latest", 0, 1000) ?? defaults.Latest, sections)
        {
            SectionLines = lines,
        };
        home.ReportUnread(DiagnosticCodes.ConfigUnknownKey, "home", ["featured", "latest", "sections"]);
        return layout;
    }

    /// <summary>A list of links with title and url: <c>menu:</c>, <c>social:</c>.</summary>
    private static List<MenuEntry> ReadLinks(YamlFieldReader fields, string key)
    {
        var menu = new List<MenuEntry>();
        var node = fields.Node(key);
        if (node is null)
        {
            return menu;
        }

        if (node is not YamlSequence sequence)
        {
            fields.WrongType(key, node, "a list of entries with title and url");
            return menu;
        }

        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping entry)
            {
                fields.WrongType($"{key} item", item, "a mapping with title and url");
                continue;
            }

            var entryFields = fields.Nested(entry);
            var title = entryFields.String("title", required: true);
            var url = entryFields.Url("url", required: true);
            entryFields.ReportUnread(DiagnosticCodes.ConfigUnknownKey, $"{key} entry", ["title", "url"]);
            if (title is not null && url is not null)
            {
                menu.Add(new MenuEntry(title, url));
            }
        }

        return menu;
    }

    internal static string? NormalizeBaseUrl(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            return null;
        }

        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? text : text + "/";
    }
}
