using System.Text;
using System.Text.RegularExpressions;
using Gazette.Diagnostics;
using Gazette.Yaml;

namespace Gazette.Import;

/// <summary>
/// Jekyll's Liquid in a post, converted to what it meant and never run: <c>{% highlight %}</c>
/// becomes a fenced code block, <c>{% raw %}</c> goes and its text stays as written,
/// <c>{% post_url %}</c> and <c>{% link %}</c> become the target's new URL, <c>{{ site.baseurl }}</c>
/// and <c>relative_url</c> make root-relative links, <c>{{ site.x }}</c> takes _config.yml's value.
/// Anything else (loops, includes) stays and is reported at its line.
/// </summary>
internal static partial class LiquidConverter
{
    // Bounded: a file full of '{%' that never close must not make each attempt read to its end.
    [GeneratedRegex(@"\{%-?\s*(?<tag>\w+)(?<args>.{0,2000}?)-?%\}|\{\{-?(?<output>.{0,2000}?)-?\}\}", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"^\s*(?<quote>[""'])(?<path>[^""']*)\k<quote>\s*\|\s*(?:relative_url|absolute_url)\s*$")]
    private static partial Regex UrlFilter();

    [GeneratedRegex(@"^\s*site\.(?<key>\w+)\s*$")]
    private static partial Regex SiteVariable();

    public static string Convert(OldDocument document, JekyllSite site, ImportLinks links, DiagnosticBag diagnostics)
    {
        var body = document.Body;
        var output = new StringBuilder(body.Length);
        var position = 0;
        var raw = false;
        foreach (Match match in Token().Matches(body))
        {
            var tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
            if (raw && tag != "endraw")
            {
                continue;
            }

            output.Append(body, position, match.Index - position);
            position = match.Index + match.Length;
            var args = match.Groups["args"].Value.Trim();
            string? replacement = tag switch
            {
                "raw" => Set(ref raw, true),
                "endraw" => Set(ref raw, false),
                "highlight" => TemplateText.Fence(output, args.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? ""),
                "endhighlight" => TemplateText.Fence(output, ""),
                "post_url" or "link" => Link(args, links, document.AtBodyOffset(match.Index), diagnostics),
                "comment" or "endcomment" => null,
                null => Output(match.Groups["output"].Value, site),
                _ => null,
            };
            if (replacement is null)
            {
                diagnostics.Warning(DiagnosticCodes.ImportTemplateLeft, document.AtBodyOffset(match.Index),
                    $"Liquid '{TemplateText.Shorten(match.Value)}' cannot be converted and stays as text; rewrite it in Markdown");
                replacement = match.Value;
            }

            output.Append(replacement);
        }

        output.Append(body, position, body.Length - position);
        return output.ToString();
    }

    private static string Set(ref bool flag, bool value)
    {
        flag = value;
        return "";
    }

    private static string? Link(string args, ImportLinks links, SourceLocation location, DiagnosticBag diagnostics)
    {
        var reference = args.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (links.Find(reference) is { } target)
        {
            return target.NewUrl;
        }

        diagnostics.Warning(DiagnosticCodes.ImportLinkOutside, location,
            $"'{reference}' is not among the imported documents; the link points at its old address: check it");
        return "/" + reference.TrimStart('/').Replace(".md", "/", StringComparison.Ordinal).Replace(".markdown", "/", StringComparison.Ordinal).TrimStart('_');
    }

    private static string? Output(string expression, JekyllSite site)
    {
        var text = expression.Trim();
        if (text is "site.baseurl" or "site.url" or "site.url | append: site.baseurl" || text.StartsWith("site.baseurl |", StringComparison.Ordinal))
        {
            return "";
        }

        if (UrlFilter().Match(text) is { Success: true } filter)
        {
            var path = filter.Groups["path"].Value;
            return path.StartsWith('/') ? path : "/" + path;
        }

        if (SiteVariable().Match(text) is { Success: true } variable && site.Settings[variable.Groups["key"].Value] is YamlScalar { IsNull: false } value)
        {
            return value.Value;
        }

        return null;
    }
}
