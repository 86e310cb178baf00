using System.Buffers;
using System.Text;

namespace Gazette.Text;

/// <summary>The characters that XML 1.0 forbids (C0 controls but tab, line feed and carriage
/// return; U+FFFE and U+FFFF): no page or feed may carry one.</summary>
internal static class XmlText
{
    public static readonly SearchValues<char> Forbidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    /// <summary>Replaces each forbidden character with U+FFFD, as an HTML parser does with a
    /// reference to one (Markdown's <c>&amp;#x1b;</c> is decoded before it gets here).</summary>
    public static void ReplaceForbidden(StringBuilder text)
    {
        var offset = 0;
        foreach (var chunk in text.GetChunks())
        {
            var span = chunk.Span;
            for (var at = span.IndexOfAny(Forbidden); at >= 0; at = span.IndexOfAny(Forbidden))
            {
                text[offset + at] = '\uFFFD';
                offset += at + 1;
                span = span[(at + 1)..];
            }

            offset += span.Length;
        }
    }
}
