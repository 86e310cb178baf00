namespace Gazette.Import;

/// <summary>A cover photo as Gazette's front matter writes it.</summary>
internal sealed record ImportedCover(string Src, string? Alt, string? Caption, string? Credit);

/// <summary>An old document as it will be written into the new site: Gazette's front matter, the
/// converted body, the files it brings along, and the old URLs that must keep working.</summary>
internal sealed class ImportedArticle
{
    public required OldDocument Source { get; init; }
    public required string Slug { get; set; }
    public required string Title { get; init; }
    public OldDate? Date { get; init; }
    public OldDate? Updated { get; init; }
    public List<string> Authors { get; } = [];
    public string? Category { get; init; }
    public List<string> Tags { get; init; } = [];
    public string? Summary { get; init; }
    public ImportedCover? Cover { get; set; }
    public string? Lang { get; init; }
    public bool Draft { get; init; }
    public bool Toc { get; set; }
    public List<string> Aliases { get; } = [];
    public string Body { get; set; } = "";
    /// <summary>Old site file → its name in the new bundle.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);
    /// <summary>The URL the old site gave it.</summary>
    public string OldUrl { get; set; } = "";
    /// <summary>The URL the new site gives it, from its base path.</summary>
    public string NewUrl { get; set; } = "";

    /// <summary>The Markdown file to write, relative to the new site.</summary>
    public string TargetPath => Source.IsArticle ? $"content/posts/{Slug}/index.md" : $"content/pages/{Slug}.md";

    /// <summary>Where the article's photos go, relative to the new site.</summary>
    public string TargetFolder => Source.IsArticle ? $"content/posts/{Slug}/" : "content/images/";
}

/// <summary>The new URL of every imported document, found by what the old site's links name:
/// Jekyll's <c>post_url</c> (the file name without extension) and <c>link</c> (the path), Hugo's
/// <c>ref</c> (the path, the file name, the bundle's folder).</summary>
internal sealed class ImportLinks
{
    private readonly Dictionary<string, ImportedArticle> _byName = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string name, ImportedArticle article) => _byName.TryAdd(Normalise(name), article);

    public ImportedArticle? Find(string reference)
    {
        var name = Normalise(reference);
        return _byName.GetValueOrDefault(name) ?? _byName.GetValueOrDefault(Path.GetFileNameWithoutExtension(name));
    }

    private static string Normalise(string reference)
    {
        var name = reference.Trim().Trim('"', '\'').Replace('\\', '/').TrimStart('/');
        var hash = name.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            name = name[..hash];
        }

        foreach (var extension in new[] { ".markdown", ".md", ".html" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }

        return name.EndsWith("/index", StringComparison.OrdinalIgnoreCase) ? name[..^"/index".Length] : name;
    }
}
