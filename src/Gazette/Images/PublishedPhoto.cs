namespace Gazette.Images;

/// <summary>
/// A photo Gazette publishes resized: where its source is, where it goes, the files it becomes.
/// One per photo file and place in the output, shared by every page showing it. Its names and
/// sizes are known when the content is read; what needs the pixels (the placeholder colour, the
/// bytes of each file) is filled in by <see cref="PhotoPublisher"/> before any page renders.
/// </summary>
/// <param name="absolute">Turns a site URL into a full one (scheme and host), for the crops.</param>
internal sealed class PublishedPhoto(string sourcePath, string relativePath, PhotoFormat format, ImageDimensions size,
    Configuration.PhotoSettings settings, IReadOnlyList<PhotoOutput> variants, IReadOnlyList<PhotoOutput> crops, Func<string, string> absolute)
{
    public Configuration.PhotoSettings Settings { get; } = settings;
    public string SourcePath { get; } = sourcePath;
    /// <summary>Its place in the output (the file the author dropped, at its own URL).</summary>
    public string RelativePath { get; } = relativePath;
    public PhotoFormat Format { get; } = format;
    /// <summary>The photo's size as shown, its orientation applied.</summary>
    public ImageDimensions Size { get; } = size;
    /// <summary>Every width in every format, the most compact format first.</summary>
    public IReadOnlyList<PhotoOutput> Variants { get; } = variants;
    /// <summary>The news crops (16:9, 4:3, 1:1), published when the photo is a cover.</summary>
    public IReadOnlyList<PhotoOutput> Crops { get; } = crops;

    /// <summary>The <c>srcset</c> of its own format, made once for every page showing the photo.</summary>
    public string Srcset { get; } = PhotoPlan.Srcset(variants, format);

    /// <summary>Its more compact formats, most compact first: the <c>&lt;source&gt;</c>s of a <c>&lt;picture&gt;</c>.</summary>
    public IReadOnlyList<PictureSource> Sources { get; } =
        [.. PhotoPlan.Formats(format, settings).Where(f => f != format).Select(f => new PictureSource(PhotoPlan.MediaType(f), PhotoPlan.Srcset(variants, f)))];

    /// <summary>Its crops as pages link them.</summary>
    public IReadOnlyList<FigureCrop> CropLinks { get; } =
        [.. crops.Select(c => new FigureCrop(c.Url, absolute(c.Url), c.Width, c.Height, c.Crop!.Name.Replace('x', ':')))];

    /// <summary>The file at the photo's own URL: its largest width in its own format.</summary>
    public PhotoOutput Main { get; } = variants.Single(v => v.RelativePath == relativePath);

    /// <summary>The width the photo is decoded at, enough for every file it may become (its crops
    /// included, whether or not a page shows it as a cover): the bytes of each file never depend on
    /// which others are made with it.</summary>
    public int DecodeWidth => Math.Min(Size.Width, Crops.Aggregate(Main.Width, (width, crop) =>
        Math.Max(width, (int)Math.Ceiling((double)Size.Width * crop.Width / PhotoPlan.CropBox(Size, crop.Crop!).Width))));

    private PhotoResult? _result;

    /// <summary>What processing made; null until <see cref="PhotoPublisher"/> has run.</summary>
    public PhotoResult? Result => Volatile.Read(ref _result);

    internal void Complete(PhotoResult result) => Volatile.Write(ref _result, result);
}

/// <summary>What processing a photo made.</summary>
/// <param name="Request">What the files were made for.</param>
/// <param name="Placeholder">The photo's average colour (<c>#6a7b8c</c>), painted while it loads.</param>
/// <param name="Files">Each output path and the cached file holding its bytes.</param>
/// <param name="MainBytes">Size of the file at the photo's own URL.</param>
internal sealed record PhotoResult(PhotoRequest Request, string Placeholder, IReadOnlyList<(PhotoOutput Output, string CachedFile)> Files, long MainBytes);

/// <summary>One <c>&lt;source&gt;</c> of a photo: its media type and its <c>srcset</c>.</summary>
internal sealed record PictureSource(string Type, string Srcset);

/// <summary>A cover cropped to an aspect ratio (<c>16:9</c>, <c>4:3</c>, <c>1:1</c>).</summary>
internal sealed record FigureCrop(string Url, string AbsoluteUrl, int Width, int Height, string Ratio);
