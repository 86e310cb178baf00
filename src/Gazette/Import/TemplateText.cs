using System.Text;

namespace Gazette.Import;

/// <summary>What converting Liquid and shortcodes both need: a code fence where a highlight block
/// starts or ends, and template code shortened to quote it in a message.</summary>
internal static class TemplateText
{
    /// <summary>A fence on a line of its own, as a highlight block starts and ends one.</summary>
    public static string Fence(StringBuilder output, string language)
    {
        var atLineStart = output.Length == 0 || output[^1] == '\n';
        return (atLineStart ? "" : "\n") + "```" + language;
    }

    /// <summary>Template code on one line, cut at 60 characters.</summary>
    public static string Shorten(string text)
    {
        var single = text.ReplaceLineEndings(" ");
        return single.Length <= 60 ? single : single[..57] + "…";
    }
}
