using Gazette.Diagnostics;
using Gazette.Yaml;

namespace Gazette.Import;

/// <summary>An article or page of the old site, as its generator wrote it: where it is, its front
/// matter (TOML is read into the same tree as YAML), its Markdown, and what its file name says.</summary>
/// <param name="Path">The file's full path, read and never written.</param>
/// <param name="DisplayPath">The path relative to the old site, as diagnostics print it.</param>
/// <param name="BodyLineOffset">Lines before the body: add it to a body line to get the file line.</param>
/// <param name="FileDate">The date of a <c>YYYY-MM-DD-slug.md</c> file name.</param>
/// <param name="FileSlug">The file name without its date and extension (the bundle's folder for index.md).</param>
/// <param name="BundleDirectory">A Hugo page bundle's folder: every file in it comes along.</param>
/// <param name="Categories">Categories the old generator gives the article besides its front matter
/// (Jekyll's folders above <c>_posts/</c>).</param>
/// <param name="IsDraft">A draft by its place (Jekyll's <c>_drafts/</c>), whatever its front matter says.</param>
internal sealed record OldDocument(
    string Path,
    string DisplayPath,
    YamlMapping FrontMatter,
    string Body,
    int BodyLineOffset,
    bool IsArticle,
    OldDate? FileDate,
    string FileSlug,
    string? BundleDirectory,
    IReadOnlyList<string> Categories,
    bool IsDraft)
{
    /// <summary>The generator's categories, then those of <c>categories:</c> (a list, or Jekyll's
    /// space-separated words) and <c>category:</c>, in that order, repeats included.</summary>
    public IEnumerable<string> AllCategories => Categories.Concat(List("categories", splitWords: true)).Concat(List("category"));

    /// <summary>The file position of a front matter node (its lines count from the one after <c>---</c>).</summary>
    public SourceLocation At(YamlValue? node) =>
        node is null || node.Line <= 0 ? SourceLocation.File(DisplayPath) : new SourceLocation(DisplayPath, node.Line + 1, node.Column);

    public SourceLocation AtBody(int line, int column) => new(DisplayPath, line + BodyLineOffset, column);

    private LineIndex? _lines;

    /// <summary>The file position of a character of the body.</summary>
    public SourceLocation AtBodyOffset(int index)
    {
        var (line, column) = (_lines ??= new LineIndex(Body)).At(index);
        return AtBody(line, column);
    }

    public string? Text(string key) => FrontMatter[key] is YamlScalar { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>A list, a single value, or Jekyll's space-separated words (<c>tags: a b</c>).</summary>
    public IReadOnlyList<string> List(string key, bool splitWords = false) => FrontMatter[key] switch
    {
        YamlSequence sequence => [.. sequence.Items.OfType<YamlScalar>().Where(s => !s.IsNull).Select(s => s.Value.Trim()).Where(s => s.Length > 0)],
        YamlScalar { IsNull: false } scalar when splitWords => scalar.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        YamlScalar { IsNull: false } scalar when scalar.Value.Trim().Length > 0 => [scalar.Value.Trim()],
        _ => [],
    };
}

/// <summary>A date as the old site wrote it: date-only dates stay date-only, and a time without an
/// offset gets the old site's time zone (as its generator read it).</summary>
internal readonly record struct OldDate(DateTimeOffset Value, bool HasTime);
