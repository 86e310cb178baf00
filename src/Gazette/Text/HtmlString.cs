using System.Text;

namespace Gazette.Text;

/// <summary>HTML that is trusted (rendered Markdown, a partial's output) and printed as is by
/// templates; every other value is HTML-escaped when printed.</summary>
internal sealed class HtmlString : IEquatable<HtmlString>
{
    public static readonly HtmlString Empty = new("");

    // Held as one of: a string, UTF-8 bytes (when the others are null), a page buffer borrowed,
    // or UTF-8 bytes in the build's spill file.
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly HtmlBuffer? _borrowed;
    private readonly int _length; // of a borrowed buffer's bytes, or of the spilled ones
    private readonly HtmlSpill? _spill;
    private readonly long _spilledAt;

    public HtmlString(string value) => _text = value;

    private HtmlString(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    private HtmlString(HtmlBuffer borrowed)
    {
        _borrowed = borrowed;
        _length = borrowed.Length;
    }

    private HtmlString(HtmlSpill spill, long offset, int length)
    {
        _spill = spill;
        _spilledAt = offset;
        _length = length;
    }

    /// <summary>HTML the spill file holds at <paramref name="offset"/>.</summary>
    internal static HtmlString Spilled(HtmlSpill spill, long offset, int length) => new(spill, offset, length);

    /// <summary>
    /// The HTML written in <paramref name="buffer"/>, without copying it. Valid only until the
    /// buffer is written again: for a page's layout output, handed to <c>baseof.html</c> as
    /// <c>content</c> (a page-sized string less per page).
    /// </summary>
    internal static HtmlString Borrow(HtmlBuffer buffer) => new(buffer);

    /// <summary>
    /// HTML kept for the whole build (an article's body, read by its page and its feeds): held as
    /// UTF-8, half the memory of a string for a site's worth of articles, and written to a page
    /// buffer without becoming a string. Made from the renderer's builder, without a string in between.
    /// </summary>
    public static HtmlString Compact(StringBuilder html, int start, int length, HtmlSpill? spill = null)
    {
        if (length < 256)
        {
            return new HtmlString(html.ToString(start, length));
        }

        var text = Text.BuilderText.Of(html).Slice(start, length);
        var utf8 = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, utf8);
        return spill?.Keep(utf8) ?? new HtmlString(utf8);
    }

    /// <summary>HTML already encoded as UTF-8 (copied).</summary>
    public static HtmlString FromUtf8(ReadOnlySpan<byte> utf8) => new(utf8.ToArray());

    /// <summary>HTML already encoded as UTF-8, kept as given, never copied nor written to (a slice
    /// of the build cache's file, read for the whole build).</summary>
    internal static HtmlString OfUtf8(ReadOnlyMemory<byte> utf8) => new(utf8);

    /// <summary>The HTML as UTF-8 (the bytes it is held in, when it is: never written to).</summary>
    internal ReadOnlyMemory<byte> ToUtf8()
    {
        if (_spill is not null)
        {
            var bytes = new byte[_length];
            _spill.Read(_spilledAt, bytes);
            return bytes;
        }

        return _text is not null ? Encoding.UTF8.GetBytes(_text) : _borrowed is not null ? BorrowedSpan.ToArray() : _utf8;
    }

    /// <summary>The length of the HTML in UTF-8.</summary>
    internal int Utf8Length => _text is not null ? Encoding.UTF8.GetByteCount(_text) : _spill is not null ? _length : Utf8Span.Length;

    public string Value => _text ?? (_spill is not null ? WithSpilled(bytes => Encoding.UTF8.GetString(bytes)) : Encoding.UTF8.GetString(Utf8Span));

    public bool IsEmpty => (_text?.Length ?? (_spill is not null ? _length : Utf8Span.Length)) == 0;

    // The bytes of a string held as UTF-8 or borrowed.
    private ReadOnlySpan<byte> Utf8Span => _borrowed is not null ? BorrowedSpan : _utf8.Span;

    private ReadOnlySpan<byte> BorrowedSpan => _borrowed!.Utf8[.._length];

    /// <summary>A digest of the HTML's UTF-8 bytes (the build cache's: the same whatever the HTML
    /// is held as).</summary>
    internal UInt128 Digest()
    {
        if (_spill is not null)
        {
            return WithSpilled(bytes => System.IO.Hashing.XxHash128.HashToUInt128(bytes));
        }

        if (_text is null)
        {
            return System.IO.Hashing.XxHash128.HashToUInt128(Utf8Span);
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(_text.Length));
        var digest = System.IO.Hashing.XxHash128.HashToUInt128(buffer.AsSpan(0, Encoding.UTF8.GetBytes(_text, buffer)));
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        return digest;
    }

    /// <summary>Appends the HTML to a page buffer.</summary>
    internal void WriteTo(HtmlBuffer output)
    {
        if (_text is not null)
        {
            output.Append(_text);
        }
        else if (_spill is not null)
        {
            _spill.Read(_spilledAt, output.Extend(_length));
        }
        else
        {
            output.AppendUtf8(Utf8Span);
        }
    }

    /// <summary>Writes the HTML's UTF-8 bytes to <paramref name="stream"/>.</summary>
    internal void WriteTo(Stream stream)
    {
        if (_text is not null || _borrowed is not null)
        {
            stream.Write(ToUtf8().Span);
        }
        else if (_spill is not null)
        {
            WithSpilled(bytes =>
            {
                stream.Write(bytes);
                return 0;
            });
        }
        else
        {
            stream.Write(_utf8.Span);
        }
    }

    private delegate T SpilledUse<out T>(ReadOnlySpan<byte> bytes);

    // What a spilled string's bytes make, read into a pooled buffer for the time of the call.
    private T WithSpilled<T>(SpilledUse<T> use)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(_length);
        try
        {
            var bytes = buffer.AsSpan(0, _length);
            _spill!.Read(_spilledAt, bytes);
            return use(bytes);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public bool Equals(HtmlString? other) => other is not null && (ReferenceEquals(this, other) || Value == other.Value);

    public override bool Equals(object? obj) => Equals(obj as HtmlString);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;
}
