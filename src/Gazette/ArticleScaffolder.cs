using System.Globalization;
using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Text;

namespace Gazette;

/// <summary>
/// <c>gazette new "Titre"</c>: creates <c>content/posts/&lt;slug&gt;/index.md</c> with its front matter
/// filled in, from the site's <c>archetypes/post.md</c> when there is one. Placeholders in an
/// archetype: <c>{{title}}</c>, <c>{{date}}</c>, <c>{{author}}</c>, <c>{{category}}</c>, <c>{{tags}}</c>,
/// <c>{{slug}}</c> (already quoted where YAML needs it). Never overwrites an article.
/// </summary>
public static class ArticleScaffolder
{
    public const string ArchetypePath = "archetypes/post.md";

    private const string DefaultArchetype = """
        ---
        title: {{title}}
        date: {{date}}
        author: {{author}}
        category: {{category}}
        tags: {{tags}}
        summary: ""
        draft: true
        ---

        Le chapô est dans « summary » ; écrivez l’article ici. Une photo se place dans ce dossier et
        s’écrit `![Ce que montre la photo](photo.jpg "Légende © Agence")` ; la photo de couverture se
        déclare dans le front matter (`image:` avec `src`, `alt`, `caption` et `credit`).

        """;

    /// <returns>The path of the new article relative to the site, or null after reporting why not.</returns>
    public static string? Create(string siteDirectory, string title, string? category, IReadOnlyList<string> tags, DateTimeOffset now,
        DiagnosticBag diagnostics)
    {
        var config = SiteConfigLoader.Load(siteDirectory, diagnostics);
        if (config is null || diagnostics.HasErrors)
        {
            return null;
        }

        var slug = Slug.From(title);
        if (slug.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.SlugInvalid, SourceLocation.File("content/posts"),
                $"cannot make a URL from the title '{title}'; give a title with letters or digits");
            return null;
        }

        var relative = $"content/posts/{slug}/index.md";
        var path = Path.Combine(siteDirectory, relative);
        if (File.Exists(path) || File.Exists(Path.Combine(siteDirectory, "content", "posts", slug + ".md")))
        {
            diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(relative),
                $"an article '{slug}' already exists; choose another title or edit the existing one");
            return null;
        }

        var archetypePath = Path.Combine(siteDirectory, ArchetypePath);
        var archetype = DefaultArchetype;
        if (File.Exists(archetypePath) && !TextFile.TryRead(archetypePath, ArchetypePath, diagnostics, out archetype))
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, config.TimeZone);
        var text = archetype
            .Replace("{{title}}", Quote(title), StringComparison.Ordinal)
            .Replace("{{date}}", local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{author}}", Quote(config.DefaultAuthor ?? ""), StringComparison.Ordinal)
            .Replace("{{category}}", Quote(category ?? ""), StringComparison.Ordinal)
            .Replace("{{tags}}", "[" + string.Join(", ", tags.Select(Quote)) + "]", StringComparison.Ordinal)
            .Replace("{{slug}}", slug, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
        {
            writer.Write(text);
        }

        return relative;
    }

    /// <summary>A YAML double-quoted scalar: backslashes, quotes and line breaks escaped.</summary>
    internal static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
