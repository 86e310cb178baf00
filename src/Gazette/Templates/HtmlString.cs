using System.Text;

namespace Gazette.Templates;

/// <summary>HTML that is trusted (rendered Markdown, a partial's output) and printed as is by
/// templates; every other value is HTML-escaped when printed.</summary>
public sealed class HtmlString : IEquatable<HtmlString>
{
    public static readonly HtmlString Empty = new("");

    private readonly string? _text;
    private readonly byte[]? _utf8;

    public HtmlString(string value) => _text = value;

    private HtmlString(byte[] utf8) => _utf8 = utf8;

    /// <summary>
    /// HTML kept for the whole build (an article's body, read by its page and its feeds): held as
    /// UTF-8, half the memory of a string for a site's worth of articles, and written to a page
    /// buffer without becoming a string.
    /// </summary>
    public static HtmlString Compact(string value) => value.Length < 256 ? new HtmlString(value) : new HtmlString(Encoding.UTF8.GetBytes(value));

    /// <summary>HTML already encoded as UTF-8 (copied).</summary>
    public static HtmlString FromUtf8(ReadOnlySpan<byte> utf8) => new(utf8.ToArray());

    public string Value => _text ?? Encoding.UTF8.GetString(_utf8!);

    public bool IsEmpty => _text is null ? _utf8!.Length == 0 : _text.Length == 0;

    /// <summary>Appends the HTML to a page buffer.</summary>
    internal void WriteTo(HtmlBuffer output)
    {
        if (_text is not null)
        {
            output.Append(_text);
        }
        else
        {
            output.AppendUtf8(_utf8!);
        }
    }

    public bool Equals(HtmlString? other) => other is not null && (ReferenceEquals(this, other) || Value == other.Value);

    public override bool Equals(object? obj) => Equals(obj as HtmlString);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;
}
