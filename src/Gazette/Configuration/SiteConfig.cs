namespace Gazette.Configuration;

/// <summary>An author as declared under <c>authors:</c> in site.yml.</summary>
/// <param name="IsOrganization">Declared <c>type: organization</c> ("La Rédaction", an agency): an
/// Organization in structured data, not a Person.</param>
public sealed record AuthorProfile(string Key, string Name, string? Bio, string? Avatar, bool IsOrganization = false);

/// <summary>The publisher shown in structured data and the footer.</summary>
public sealed record Publisher(string Name, string? Logo);

/// <summary>A navigation entry under <c>menu:</c>.</summary>
public sealed record MenuEntry(string Title, string Url);

/// <summary>One language of a site in several (<c>languages:</c> in site.yml): its edition has its
/// own home, lists, feeds and sitemap, under <c>/&lt;code&gt;/</c> unless it is the first.</summary>
public sealed record SiteLanguage(string Code, string Name, string Title, string Description, IReadOnlyList<MenuEntry> Menu, HomeLayout? Home = null);

/// <summary>What the home page shows (<c>home:</c>): its <paramref name="Featured"/> newest articles
/// "à la une", the <paramref name="Latest"/> next ones as a list of the latest news, then a block
/// for each category of <paramref name="Sections"/> (by slug, in that order; null: every category).</summary>
public sealed record HomeLayout(int Featured = 1, int Latest = 10, IReadOnlyList<string>? Sections = null)
{
    /// <summary>Where each section's slug is in site.yml, for the warning about a slug no category has.</summary>
    internal IReadOnlyList<Diagnostics.SourceLocation> SectionLines { get; init; } = [];
}

/// <summary>Everything site.yml says, with defaults applied.</summary>
public sealed record SiteConfig
{
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Absolute base URL, always ending with '/': <c>https://user.github.io/blog/</c>.</summary>
    public string BaseUrl { get; init; } = "http://localhost/";
    public string Language { get; init; } = "fr";
    public string TimeZoneId { get; init; } = "Europe/Paris";
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
    public string Theme { get; init; } = "default";
    public IReadOnlyDictionary<string, AuthorProfile> Authors { get; init; } = new Dictionary<string, AuthorProfile>();
    public string? DefaultAuthor { get; init; }

    /// <summary>Why an author key is a problem: site.yml declares authors and not this one (its
    /// page would carry the key alone, with no name, bio or photo); null when it is fine.</summary>
    public string? UndeclaredAuthor(string key) =>
        Authors.Count == 0 || Authors.ContainsKey(key) ? null
            : $"author '{key}' is not declared under 'authors:' in site.yml (declared: {string.Join(", ", Authors.Keys.Order(StringComparer.Ordinal))}); "
                + "use one of them or add it there with its name and bio";
    public int Pagination { get; init; } = 10;
    public string ArticlePermalink { get; init; } = "/{year}/{month}/{slug}/";
    public bool Minify { get; init; } = true;
    public string Output { get; init; } = "_site";
    public string? Copyright { get; init; }
    public Publisher? Publisher { get; init; }
    public IReadOnlyList<MenuEntry> Menu { get; init; } = [];
    /// <summary>The site's icon as written (<c>favicon:</c>); without it, icons are made from the publisher's logo.</summary>
    public string? Favicon { get; init; }
    /// <summary>Where the icon's source (<c>favicon:</c>, else <c>publisher.logo</c>) is named in site.yml.</summary>
    internal Diagnostics.SourceLocation IconAt { get; init; }
    /// <summary>The home page's layout (<c>home:</c>).</summary>
    public HomeLayout Home { get; init; } = new();
    /// <summary>The newsroom's accounts elsewhere (<c>social:</c>), linked in the footer.</summary>
    public IReadOnlyList<MenuEntry> Social { get; init; } = [];
    /// <summary>The legal notice page (<c>legal:</c>, "mentions légales").</summary>
    public string? Legal { get; init; }
    /// <summary>How to reach the newsroom (<c>contact:</c>): an e-mail address or a URL.</summary>
    public string? Contact { get; init; }
    /// <summary>Keep raw HTML and script-capable links in Markdown (off by default, as in Hugo).</summary>
    public bool UnsafeHtml { get; init; }
    /// <summary>Heading ids as GitHub makes them ("1.0.3 Early Hints" → <c>103-early-hints</c>), so the
    /// hand-written tables of contents of an imported archive keep working; else from the first letter on.</summary>
    public bool GitHubHeadingIds { get; init; }
    /// <summary>Articles in each feed.</summary>
    public int FeedLimit { get; init; } = 20;
    /// <summary>Feeds carry the full article (true) or its summary.</summary>
    public bool FeedFullContent { get; init; } = true;
    /// <summary>Custom domain for GitHub Pages, written to CNAME.</summary>
    public string? Cname { get; init; }
    /// <summary><c>fr</c>, <c>en</c> or <c>none</c>; null to follow each article's language.</summary>
    public string? Typography { get; init; }
    /// <summary>How photos are published (<c>images:</c>).</summary>
    public PhotoSettings Photos { get; init; } = new();
    /// <summary>The search page (<c>search:</c>).</summary>
    public SearchSettings Search { get; init; } = new();
    /// <summary>Values under <c>params:</c>, free for themes.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();

    /// <summary>The site's languages, the default first (<c>languages:</c>); one, the site's
    /// <see cref="Language"/>, when site.yml declares none.</summary>
    public IReadOnlyList<SiteLanguage> Languages { get; init; } = [];

    /// <summary>The languages, each with its edition's title, description and menu.</summary>
    public IReadOnlyList<SiteLanguage> Editions =>
        Languages.Count > 0 ? Languages : [new SiteLanguage(Language, LanguageNames.Of(Language), Title, Description, Menu, Home)];

    /// <summary>This configuration as one language's edition sees it: its title, description, menu, home page and language.</summary>
    public SiteConfig ForEdition(SiteLanguage edition) =>
        this with { Language = edition.Code, Title = edition.Title, Description = edition.Description, Menu = edition.Menu, Home = edition.Home ?? Home };

    /// <summary>The edition that holds the pages in <paramref name="code"/>: its own, or the default
    /// language's when it has none (an article in German on a site in French and English).</summary>
    public string EditionOf(string code) => Languages.Any(l => l.Code == code) ? code : DefaultLanguage;

    // The first of languages:, whichever edition this configuration is seen from (ForEdition changes Language).
    private string DefaultLanguage => Languages.Count > 0 ? Languages[0].Code : Language;

    /// <summary>The output folder of the edition of <paramref name="code"/>: <c>""</c> for the default, <c>en/</c> for another.</summary>
    public string PrefixOf(string code) => EditionOf(code) is var edition && edition != DefaultLanguage ? edition + "/" : "";

    /// <summary>The search page's folder in the edition of <paramref name="code"/> (<c>recherche/</c>, <c>en/search/</c>).</summary>
    public string SearchFolderOf(string code) => PrefixOf(code) + Search.FolderFor(EditionOf(code));

    /// <summary>The path part of <see cref="BaseUrl"/>, such as <c>/blog/</c>; every internal URL starts with it.</summary>
    public string BasePath => new Uri(BaseUrl).AbsolutePath;
}

/// <summary>site.yml's <c>images:</c>: photos are published as resized variants, stripped of
/// their camera metadata, instead of the file the author dropped.</summary>
/// <param name="Resize">False publishes every photo as written (no variants, metadata kept).</param>
/// <param name="Widths">The widths offered to browsers, never wider than the photo itself.</param>
/// <param name="Avif">Also write AVIF variants: about 40 % smaller than WebP, and at libvips' fastest
/// effort no slower to encode (measured in docs/development.md).</param>
public sealed record PhotoSettings(bool Resize = true, IReadOnlyList<int>? Widths = null, bool Avif = true)
{
    public static readonly IReadOnlyList<int> DefaultWidths = [480, 800, 1200, 1600];

    public IReadOnlyList<int> Widths { get; init; } = Widths ?? DefaultWidths;
}

/// <summary>site.yml's <c>search:</c>: the search page, whose index Pagefind makes after the build.</summary>
/// <param name="Enabled">False: no search page, no search field, no index.</param>
/// <param name="Folder">The search page's folder (<c>recherche/</c>); null for the default of the
/// site's language: <c>recherche/</c> in French, <c>search/</c> otherwise.</param>
public sealed record SearchSettings(bool Enabled = true, string? Folder = null)
{
    public string FolderFor(string language) => Folder ?? (language == "fr" ? "recherche/" : "search/");
}
