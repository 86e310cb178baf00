using System.Text;
using Scriban;
using Scriban.Syntax;

namespace Gazette.Templates;

/// <summary>
/// Minifies a theme's HTML once, in the parsed template, instead of every page after rendering:
/// in the template's own text (never in the values it prints, never in an article's HTML) a run
/// of whitespace becomes one newline if it held one, else one space, and HTML comments go.
/// Text inside <c>pre</c>, <c>textarea</c>, <c>script</c> and <c>style</c> is kept as written.
/// A browser renders the page the same way: collapsed whitespace was already one space to it.
/// </summary>
internal static class TemplateWhitespace
{
    private static readonly string[] RawTextElements = ["pre", "textarea", "script", "style"];

    public static void Collapse(Template template)
    {
        string? insideElement = null;
        foreach (var raw in RawStatements(template.Page))
        {
            var text = raw.Text.ToString();
            var collapsed = Collapse(text, ref insideElement);
            if (collapsed.Length != text.Length)
            {
                raw.Text = new ScriptStringSlice(collapsed);
            }
        }
    }

    /// <summary>The template's literal text, in document order.</summary>
    private static IEnumerable<ScriptRawStatement> RawStatements(ScriptNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        if (node is ScriptRawStatement raw)
        {
            yield return raw;
            yield break;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            foreach (var child in RawStatements(node.GetChildren(i)))
            {
                yield return child;
            }
        }
    }

    /// <param name="insideElement">The raw-text element open at the start of the text (carried
    /// from one piece of template text to the next), null when none is.</param>
    internal static string Collapse(string text, ref string? insideElement)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (insideElement is not null)
            {
                var close = text.IndexOf("</" + insideElement, i, StringComparison.OrdinalIgnoreCase);
                if (close < 0)
                {
                    result.Append(text, i, text.Length - i);
                    break;
                }

                result.Append(text, i, close - i);
                i = close;
                insideElement = null;
                continue;
            }

            var c = text[i];
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                var newline = false;
                while (i < text.Length && char.IsWhiteSpace(text[i]) && text[i] != '\u00A0')
                {
                    newline |= text[i] == '\n';
                    i++;
                }

                result.Append(newline ? '\n' : ' ');
                continue;
            }

            if (c == '<' && string.CompareOrdinal(text, i, "<!--", 0, 4) == 0 && string.CompareOrdinal(text, i + 4, "[if", 0, 3) != 0)
            {
                var end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end >= 0)
                {
                    i = end + 3;
                    continue;
                }
            }

            if (c == '<' && OpensRawTextElement(text, i) is { } element)
            {
                insideElement = element;
                var tagEnd = text.IndexOf('>', i);
                var upTo = tagEnd < 0 ? text.Length : tagEnd + 1;
                result.Append(text, i, upTo - i);
                i = upTo;
                continue;
            }

            result.Append(c);
            i++;
        }

        return result.ToString();
    }

    private static string? OpensRawTextElement(string text, int at)
    {
        foreach (var element in RawTextElements)
        {
            var end = at + 1 + element.Length;
            if (end <= text.Length && string.Compare(text, at + 1, element, 0, element.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == text.Length || text[end] is '>' or ' ' or '\t' or '\n' or '\r' or '/'))
            {
                return element;
            }
        }

        return null;
    }
}
