using System.Buffers;
using Scriban.Runtime;

namespace Gazette.Templates;

/// <summary>
/// Where a template writes: one growable character array from the shared pool, kept by its
/// thread and reused page after page. A page's HTML goes from here straight to UTF-8 on disk
/// and to the link checker, without becoming a string; a Scriban StringBuilder output would
/// allocate its chunks and then the string, for every page and every partial.
/// </summary>
public sealed class HtmlBuffer : IScriptOutput, IDisposable
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(16 * 1024);

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Write(string text, int offset, int count) => Append(text.AsSpan(offset, count));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        MakeRoom(text.Length);
        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>Appends UTF-8 text, decoded straight into the buffer.</summary>
    public void AppendUtf8(ReadOnlySpan<byte> utf8)
    {
        MakeRoom(System.Text.Encoding.UTF8.GetMaxCharCount(utf8.Length));
        Length += System.Text.Encoding.UTF8.GetChars(utf8, _chars.AsSpan(Length));
    }

    /// <summary>Grows the buffer (doubling, from the pool) so that <paramref name="more"/> characters fit.</summary>
    private void MakeRoom(int more)
    {
        if (Length + more <= _chars.Length)
        {
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, Length + more));
        Span.CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }

    public void Clear() => Length = 0;

    /// <summary>The text written so far, as a string (a copy).</summary>
    public override string ToString() => new(Span);

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
        Length = 0;
    }
}
