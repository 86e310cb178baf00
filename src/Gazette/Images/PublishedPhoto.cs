namespace Gazette.Images;

/// <summary>
/// A photo Gazette publishes resized: where its source is, where it goes, the files it becomes.
/// One per photo file and place in the output, shared by every page showing it. Its names and
/// sizes are known when the content is read; what needs the pixels (the placeholder colour, the
/// bytes of each file) is filled in by <see cref="PhotoPublisher"/> before any page renders.
/// </summary>
internal sealed class PublishedPhoto(string sourcePath, string relativePath, PhotoFormat format, ImageDimensions size,
    Configuration.PhotoSettings settings, IReadOnlyList<PhotoOutput> variants, IReadOnlyList<PhotoOutput> crops)
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

    /// <summary>The file at the photo's own URL: its largest width in its own format.</summary>
    public PhotoOutput Main => Variants.Single(v => v.RelativePath == RelativePath);

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
