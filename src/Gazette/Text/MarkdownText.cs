using System.Buffers;
using System.Text;

namespace Gazette.Text;

/// <summary>
/// The Markdown of a body as its file holds it: valid UTF-8, kept in an array of the shared pool
/// and decoded to a string only when it has to be parsed. A build that takes the body's HTML from
/// the cache finds it by these bytes (<see cref="Utf8"/>) and never makes the string: 20 KB less
/// to allocate and collect per article. Not thread-safe: one document's, read by one thread at a time.
/// </summary>
internal sealed class MarkdownText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private byte[]? _rented;
    private int _length;
    private string? _text;

    private MarkdownText()
    {
    }

    /// <summary>Markdown already decoded (a file that took the general path, a test).</summary>
    public static MarkdownText OfString(string text) => new() { _text = text };

    /// <summary>A copy of <paramref name="utf8"/>, which must be valid UTF-8.</summary>
    public static MarkdownText OfUtf8(ReadOnlySpan<byte> utf8)
    {
        var rented = ArrayPool<byte>.Shared.Rent(utf8.Length);
        utf8.CopyTo(rented);
        return new() { _rented = rented, _length = utf8.Length };
    }

    /// <summary>The text as UTF-8; <paramref name="scratch"/> holds it when it was only a string
    /// (rented from the shared pool: give it back).</summary>
    public ReadOnlySpan<byte> Utf8(out byte[]? scratch)
    {
        scratch = null;
        if (_rented is not null)
        {
            return _rented.AsSpan(0, _length);
        }

        var text = _text ?? "";
        scratch = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(text.Length));
        return scratch.AsSpan(0, StrictUtf8.GetBytes(text, scratch));
    }

    /// <summary>The text, decoded at the first call; empty once released.</summary>
    public string Text => _text ??= _rented is null ? "" : StrictUtf8.GetString(_rented, 0, _length);

    /// <summary>Gives the bytes back to the pool and forgets the text: a site of 10 000 articles
    /// does not keep its Markdown beside its HTML.</summary>
    public void Release()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<byte>.Shared.Return(rented);
        }

        _length = 0;
        _text = "";
    }
}
