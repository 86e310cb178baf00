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
    public long? FileSize
    {
        get => Photo?.Result?.MainBytes ?? field;
        init;
    }

    /// <summary>Where a cover's crops centre (<c>image.focus</c>); null lets the crop find it.</summary>
    internal Content.FocusPoint? Focus { get; init; }

    /// <summary>The resized files the photo is published as; null when it is published as written.</summary>
    internal Images.PublishedPhoto? Photo { get; init; }

    /// <summary>The <c>srcset</c> in the photo's own format (<c>a-480w.jpg 480w, a.jpg 1200w</c>); empty
    /// when the photo is published as written.</summary>
    public string Srcset => Photo?.Srcset ?? "";

    /// <summary>The more compact formats (AVIF, WebP), each a <c>&lt;source&gt;</c> of a <c>&lt;picture&gt;</c>.</summary>
    public IReadOnlyList<Images.PictureSource> Sources => Photo?.Sources ?? [];

    /// <summary>The photo's average colour (<c>#6a7b8c</c>), painted where it will appear while it loads.</summary>
    public string? Placeholder => Photo?.Result?.Placeholder;

    /// <summary>A cover's 16:9, 4:3 and 1:1 crops, for structured data and sharing; empty otherwise.</summary>
    public IReadOnlyList<Images.FigureCrop> Crops => Photo is null || !IsCover ? [] : Photo.CropLinks;

    /// <summary><c>image/jpeg</c>, <c>image/png</c>…; null when unknown.</summary>
    public string? MediaType { get; init; }

    public bool HasCredit => CreditText.Length > 0;
}

