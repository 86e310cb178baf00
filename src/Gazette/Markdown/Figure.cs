using Gazette.Text;

namespace Gazette.Markdown;

/// <summary>A photo ready to render: URL, size, caption and credit (credit shown as a caption,
/// everywhere a photo appears).</summary>
/// <param name="Url">Site-absolute URL (includes the base path).</param>
/// <param name="AbsoluteUrl">Full URL with scheme and host, for feeds and structured data.</param>
/// <param name="CaptionHtml">Caption rendered from inline Markdown; empty when there is none.</param>
/// <param name="CaptionText">Caption as plain text, for structured data.</param>
/// <param name="CreditHtml">Credit rendered from inline Markdown, without the © sign; empty when there is none.</param>
/// <param name="CreditText">Credit as plain text, without the © sign, for structured data.</param>
/// <param name="CreditUrl">Link of the credit, when given.</param>
/// <param name="CopyrightNotice">The photo's copyright notice (from its metadata, else "© credit").</param>
internal sealed record Figure(
    string Url,
    string AbsoluteUrl,
    string Alt,
    int? Width,
    int? Height,
    HtmlString CaptionHtml,
    string CaptionText,
    HtmlString CreditHtml,
    string CreditText,
    string? CreditUrl,
    string CopyrightNotice,
    bool IsCover)
{
    /// <summary>Size of the file in bytes, for feed enclosures; null for external images.</summary>
    public long? FileSize { get; init; }

    /// <summary><c>image/jpeg</c>, <c>image/png</c>…; null when unknown.</summary>
    public string? MediaType { get; init; }

    public bool HasCredit => CreditText.Length > 0;
}
