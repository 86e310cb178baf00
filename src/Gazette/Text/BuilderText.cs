using System.Text;

namespace Gazette.Text;

/// <summary>A <see cref="StringBuilder"/>'s text as one span, without making a string of it.</summary>
internal static class BuilderText
{
    /// <summary>
    /// The builder's only chunk when it has one (the usual case for a builder reused and cleared:
    /// it keeps one chunk the size of its longest text), else a copy (the first use of a builder
    /// that had to grow).
    /// </summary>
    public static ReadOnlySpan<char> Of(StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            if (chunk.Length == text.Length)
            {
                return chunk.Span;
            }

            break;
        }

        return text.ToString();
    }
}
