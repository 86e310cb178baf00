using System.Text;
using System.Text.RegularExpressions;
using Gazette.Diagnostics;

namespace Gazette.Import;

/// <summary>
/// Hugo's built-in shortcodes in a page, converted to the Markdown they stood for and never run:
/// <c>figure</c> becomes a photo with its caption and credit, <c>highlight</c> a fenced code block,
/// <c>youtube</c> and <c>vimeo</c> their player, <c>ref</c> and <c>relref</c> the target's new URL,
/// <c>gist</c> and <c>tweet</c> a link. A commented-out shortcode (<c>{{&lt;/* x */&gt;}}</c>) is
/// shown as written. Anything else stays and is reported at its line.
/// </summary>
internal static partial class ShortcodeConverter
{
    [GeneratedRegex(@"\{\{(?<open>[<%])(?<comment>/\*)?\s*(?<close>/)?\s*(?<name>[\w.-]{1,100})(?<args>.{0,2000}?)\s*(?:\*/)?(?<end>[>%])\}\}", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<key>[\w-]+)\s*=\s*(?:""(?<value>(?:[^""\\]|\\.)*)""|`(?<value>[^`]*)`|(?<value>[^\s""]+))|""(?<positional>(?:[^""\\]|\\.)*)""|`(?<positional>[^`]*)`|(?<positional>[^\s""=]+)")]
    private static partial Regex Argument();

    public static string Convert(OldDocument document, ImportLinks links, DiagnosticBag diagnostics)
    {
        var body = document.Body;
        var output = new StringBuilder(body.Length);
        var position = 0;
        foreach (Match match in Token().Matches(body))
        {
            output.Append(body, position, match.Index - position);
            position = match.Index + match.Length;
            if (match.Groups["comment"].Success)
            {
                // {{</* figure */>}}: Hugo's way of showing a shortcode as text.
                var open = match.Groups["open"].Value;
                output.Append("{{").Append(open).Append(' ').Append(match.Groups["close"].Value).Append(match.Groups["name"].Value)
                    .Append(match.Groups["args"].Value.TrimEnd()).Append(' ').Append(open == "<" ? ">" : "%").Append("}}");
                continue;
            }

            var name = match.Groups["name"].Value;
            var closing = match.Groups["close"].Success;
            var (named, positional) = Arguments(match.Groups["args"].Value);
            string? Arg(string key, int index = -1) =>
                named.GetValueOrDefault(key) ?? (index >= 0 && index < positional.Count ? positional[index] : null);
            var location = document.AtBodyOffset(match.Index);
            string? replacement = (name, closing) switch
            {
                ("figure", false) => Figure(Arg("src"), Arg("alt"), Arg("caption") ?? Arg("title"), Arg("attr")),
                ("highlight", false) => TemplateText.Fence(output, Arg("lang", 0) ?? ""),
                ("highlight", true) => TemplateText.Fence(output, ""),
                ("youtube", false) when Arg("id", 0) is { } id => Player($"https://www.youtube-nocookie.com/embed/{Uri.EscapeDataString(id)}", Arg("title") ?? "YouTube"),
                ("vimeo", false) when Arg("id", 0) is { } id => Player($"https://player.vimeo.com/video/{Uri.EscapeDataString(id)}", Arg("title") ?? "Vimeo"),
                ("ref" or "relref", false) when Arg("path", 0) is { } path => Reference(path, links, location, diagnostics),
                ("gist", false) when Arg("user", 0) is { } user && Arg("id", 1) is { } id => $"[gist {user}/{id}](https://gist.github.com/{user}/{id})",
                ("tweet" or "x", false) when Arg("user") is { } user && Arg("id", 0) is { } id => $"[@{user} on X](https://x.com/{user}/status/{id})",
                ("instagram", false) when Arg("id", 0) is { } id => $"[Instagram](https://www.instagram.com/p/{id}/)",
                _ => null,
            };
            if (replacement is null)
            {
                diagnostics.Warning(DiagnosticCodes.ImportTemplateLeft, location,
                    $"shortcode '{TemplateText.Shorten(match.Value)}' cannot be converted and stays as text; rewrite it in Markdown");
                replacement = match.Value;
            }

            output.Append(replacement);
        }

        output.Append(body, position, body.Length - position);
        return output.ToString();
    }

    private static (Dictionary<string, string> Named, List<string> Positional) Arguments(string text)
    {
        var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        foreach (Match match in Argument().Matches(text))
        {
            if (match.Groups["key"].Success)
            {
                named[match.Groups["key"].Value] = Unescape(match.Groups["value"].Value);
            }
            else
            {
                positional.Add(Unescape(match.Groups["positional"].Value));
            }
        }

        return (named, positional);
    }

    private static string Unescape(string value) => value.Replace("\\\"", "\"", StringComparison.Ordinal);

    /// <summary>A photo alone in its paragraph, its caption and credit in the title as Gazette reads them.</summary>
    private static string? Figure(string? src, string? alt, string? caption, string? credit)
    {
        if (src is null)
        {
            return null;
        }

        var title = string.Join(" ", new[] { caption, credit is null ? null : credit.TrimStart().StartsWith('©') ? credit : "© " + credit }
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        var escapedTitle = title.Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"\n\n![{(alt ?? caption ?? "").Replace("]", "\\]", StringComparison.Ordinal)}]({src}{(title.Length > 0 ? $" \"{escapedTitle}\"" : "")})\n\n";
    }

    private static string Player(string url, string title) =>
        $"\n\n<iframe src=\"{url}\" title=\"{title.Replace("\"", "&quot;", StringComparison.Ordinal)}\" width=\"560\" height=\"315\" loading=\"lazy\" allowfullscreen></iframe>\n\n";

    private static string Reference(string path, ImportLinks links, SourceLocation location, DiagnosticBag diagnostics)
    {
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var anchor = hash >= 0 ? path[hash..] : "";
        if (links.Find(path) is { } target)
        {
            return target.NewUrl + anchor;
        }

        diagnostics.Warning(DiagnosticCodes.ImportLinkOutside, location,
            $"'{path}' is not among the imported documents; the link points at its old address: check it");
        return "/" + path.TrimStart('/').Replace(".md", "/", StringComparison.Ordinal);
    }
}
