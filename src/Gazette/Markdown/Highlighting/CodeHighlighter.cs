using ColorCode;
using Gazette.Templates;

namespace Gazette.Markdown.Highlighting;

/// <summary>
/// Build-time syntax highlighting with ColorCode: spans with CSS classes (coloured by the theme,
/// light and dark), no script in the reader's browser. A language ColorCode does not know is
/// written as plain escaped code.
/// </summary>
public static class CodeHighlighter
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cs"] = "csharp",
        ["c#"] = "csharp",
        ["js"] = "javascript",
        ["ts"] = "typescript",
        ["py"] = "python",
        ["ps1"] = "powershell",
        ["pwsh"] = "powershell",
        ["fs"] = "fsharp",
        ["c++"] = "cpp",
        ["c"] = "cpp",
        ["htm"] = "html",
        ["svg"] = "xml",
    };

    /// <summary>The inner HTML of a code block: highlighted spans, or the escaped code.</summary>
    public static string ToHtml(string code, string? language)
    {
        var id = string.IsNullOrWhiteSpace(language) ? null : Aliases.GetValueOrDefault(language, language);
        var found = id is null ? null : Languages.FindById(id);
        if (found is null)
        {
            return Html.Escape(code);
        }

        string html;
        try
        {
            html = new HtmlClassFormatter().GetHtmlString(code, found);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return Html.Escape(code); // a highlighter failure must never cost the article
        }

        // The formatter wraps its spans in <div class="lang"><pre>\n…</pre></div>: keep the spans.
        var start = html.IndexOf("<pre>", StringComparison.Ordinal);
        var end = html.LastIndexOf("</pre>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return Html.Escape(code);
        }

        var inner = html[(start + 5)..end];
        return inner.StartsWith('\n') ? inner[1..] : inner;
    }
}
