using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace Gazette.Text;

/// <summary>
/// Where a template writes: one growable UTF-8 byte array from the shared pool, kept by its
/// thread and reused page after page. A page's HTML goes from here to disk and to the link
/// checker as it is: an article's body, kept as UTF-8, is copied in without being decoded, and
/// only the templates' own text is encoded, once, as it is written.
/// </summary>
internal sealed class HtmlBuffer : IScriptOutput, IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(32 * 1024);

    public int Length { get; private set; }

    /// <summary>The HTML written so far, in UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8 => _bytes.AsSpan(0, Length);

    public void Write(string text, int offset, int count) => Append(text.AsSpan(offset, count));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        // Room for the worst case (three bytes per UTF-16 unit) rather than a count first: most
        // writes are a few ASCII characters.
        MakeRoom(text.Length * 3);
        Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
    }

    /// <summary>Appends HTML already encoded as UTF-8.</summary>
    public void AppendUtf8(ReadOnlySpan<byte> utf8)
    {
        MakeRoom(utf8.Length);
        utf8.CopyTo(_bytes.AsSpan(Length));
        Length += utf8.Length;
    }

    /// <summary>Appends <paramref name="length"/> bytes, returned to be filled (read straight into the page).</summary>
    public Span<byte> Extend(int length)
    {
        MakeRoom(length);
        Length += length;
        return _bytes.AsSpan(Length - length, length);
    }

    /// <summary>Grows the buffer (doubling, from the pool) so that <paramref name="more"/> bytes fit.</summary>
    private void MakeRoom(int more)
    {
        if (Length + more <= _bytes.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, Length + more));
        Utf8.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }

    public void Clear() => Length = 0;

    /// <summary>The text written so far, as a string (decoded).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        Length = 0;
    }
}
