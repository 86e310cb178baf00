using System.Text;
using System.Text.RegularExpressions;
using Gazette.Diagnostics;

namespace Gazette.Import;

/// <summary>
/// What is left to do on the Markdown once the old generator's template code is converted: kramdown's
/// attribute lists (<c>{:target="_blank"}</c>, <c>{: .note}</c>) dropped, its <c>{:toc}</c> turned
/// into <c>toc: true</c>, and every image the text shows brought into the article's bundle with its
/// path rewritten. Code blocks are left as they are.
/// </summary>
internal static partial class MarkdownCleanup
{
    [GeneratedRegex(@"^\s*\{:[^}\n]{0,500}\}\s*$")]
    private static partial Regex AttributeLine();

    [GeneratedRegex(@"(?<=[\])*_`])\{:[^}\n]{0,500}\}")]
    private static partial Regex InlineAttributes();

    [GeneratedRegex(@"^\s*\{::options[^}]*/\}\s*$")]
    private static partial Regex OptionsLine();

    [GeneratedRegex(@"^\s*(?:[*+-]|1\.)\s+(?:TOC|Table of contents|Sommaire)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TocItem();

    [GeneratedRegex(@"^\s*\{:\s*\.?toc\s*\}\s*$|^\s*\[TOC\]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TocMarker();

    [GeneratedRegex(@"!\[(?<alt>[^\]\n]*)\]\(\s*<?(?<src>[^)\s>]+)>?(?<title>\s+(?:""[^""\n]*""|'[^'\n]*'))?\s*\)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"(?<tag><img\b[^>]{0,2000}?\ssrc\s*=\s*[""'])(?<src>[^""'<>]{1,2000})(?=[""'])", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlImage();

    [GeneratedRegex(@"^\s*(```+|~~~+)")]
    private static partial Regex Fence();

    public static string Clean(string body, ImportedArticle article, OldSite site, DiagnosticBag diagnostics)
    {
        var lines = body.Split('\n');
        var output = new StringBuilder(body.Length);
        var code = new List<(int Start, int End)>(); // fenced code in the output, left as written
        string? fence = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (Fence().Match(line) is { Success: true } opening)
            {
                var marker = opening.Groups[1].Value;
                fence = fence is null ? marker : line.Trim().StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0 ? null : fence;
                output.Append(line).Append('\n');
                continue;
            }

            if (fence is not null)
            {
                code.Add((output.Length, output.Length + line.Length));
                output.Append(line).Append('\n');
                continue;
            }

            if (TocMarker().IsMatch(line))
            {
                article.Toc = true;
                if (output.Length > 0 && TocItem().IsMatch(LastLine(output)))
                {
                    RemoveLastLine(output);
                }

                continue;
            }

            if (AttributeLine().IsMatch(line) || OptionsLine().IsMatch(line))
            {
                continue;
            }

            if (line.Trim().Length == 0 && (output.Length == 0 || (output.Length >= 2 && output[^1] == '\n' && output[^2] == '\n')))
            {
                continue; // one blank line is enough between blocks (converted shortcodes bring their own)
            }

            line = InlineAttributes().Replace(line, "");
            line = MarkdownImages(line, index + 1, article, site, diagnostics);
            output.Append(line).Append('\n');
        }

        return HtmlImages(output.ToString(), code, article, site, diagnostics).TrimEnd('\n') + "\n";
    }

    /// <summary>The photos of <c>&lt;img&gt;</c> tags, which may span lines (<c>&lt;img alt="…"⏎ src="…"&gt;</c>).</summary>
    private static string HtmlImages(string text, List<(int Start, int End)> code, ImportedArticle article, OldSite site, DiagnosticBag diagnostics)
    {
        var lines = new LineIndex(text);
        return HtmlImage().Replace(text, match =>
        {
            if (InCode(code, match.Index))
            {
                return match.Value;
            }

            var (line, column) = lines.At(match.Index);
            var src = match.Groups["src"].Value;
            return match.Groups["tag"].Value + (Bring(src, article, site, diagnostics, article.Source.AtBody(line, column)) ?? src);
        });
    }

    private static string LastLine(StringBuilder output)
    {
        var text = output.ToString().TrimEnd('\n');
        var start = text.LastIndexOf('\n') + 1;
        return text[start..];
    }

    private static void RemoveLastLine(StringBuilder output)
    {
        var text = output.ToString().TrimEnd('\n');
        output.Clear().Append(text[..(text.LastIndexOf('\n') + 1)]);
    }

    /// <summary>Whether an offset falls in fenced code (the ranges are in order and apart).</summary>
    private static bool InCode(List<(int Start, int End)> code, int offset)
    {
        var (low, high) = (0, code.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (offset < code[middle].Start)
            {
                high = middle - 1;
            }
            else if (offset >= code[middle].End)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The photos of a line's Markdown images; one the old site lacks leaves its alt text.</summary>
    private static string MarkdownImages(string line, int lineNumber, ImportedArticle article, OldSite site, DiagnosticBag diagnostics) =>
        MarkdownImage().Replace(line, match =>
        {
            var src = match.Groups["src"];
            return Bring(src.Value, article, site, diagnostics, article.Source.AtBody(lineNumber, src.Index + 1)) is { } name
                ? match.Value[..(src.Index - match.Index)] + name + match.Value[(src.Index - match.Index + src.Length)..]
                : match.Groups["alt"].Value;
        });

    /// <summary>Copies a local image into the bundle and returns its new path; returns the path
    /// unchanged for another site's image, and null (reported) for a file the old site lacks.</summary>
    internal static string? Bring(string path, ImportedArticle article, OldSite site, DiagnosticBag diagnostics, Diagnostics.SourceLocation location)
    {
        if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var file = site.ResolveFile(article.Source, Uri.UnescapeDataString(path.Split('?', '#')[0]));
        if (file is null || !File.Exists(file))
        {
            diagnostics.Warning(DiagnosticCodes.ImportImageMissing, location,
                $"image '{path}' is not in the old site; the article comes in without it (add the photo to {article.TargetFolder} and write it back)");
            return null;
        }

        if (article.Files.TryGetValue(file, out var known))
        {
            return article.Source.IsArticle ? known : $"/images/{known}";
        }

        // A page's photos share content/images/: the page's slug keeps their names apart.
        var name = article.Source.IsArticle ? Path.GetFileName(file) : $"{article.Slug}-{Path.GetFileName(file)}";
        var taken = article.Files.Values.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = 2; taken.Contains(name) || name.Equals("index.md", StringComparison.OrdinalIgnoreCase); n++)
        {
            name = $"{Path.GetFileNameWithoutExtension(file)}-{n}{Path.GetExtension(file)}";
        }

        article.Files[file] = name;
        return article.Source.IsArticle ? name : $"/images/{name}";
    }
}
