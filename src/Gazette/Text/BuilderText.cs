using System.Text;

namespace Gazette.Text;

/// <summary>A <see cref="StringBuilder"/>'s text as one span, without making a string of it.</summary>
internal static class BuilderText
{
    [ThreadStatic]
    private static char[]? _scratch;

    /// <summary>
    /// The builder's only chunk when it has one (the usual case for a builder reused and cleared:
    /// it keeps one chunk the size of its longest text), else a copy in this thread's scratch
    /// array. Read it before this thread asks again.
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

        if (_scratch is null || _scratch.Length < text.Length)
        {
            _scratch = new char[Math.Max(text.Length, 4096)];
        }

        text.CopyTo(0, _scratch, text.Length);
        return _scratch.AsSpan(0, text.Length);
    }
}
