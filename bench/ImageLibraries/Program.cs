// The work Gazette does on a photo, with each library: decode a camera JPEG, apply its EXIF
// orientation, resize to 480, 800 and 1200 px wide, encode each as WebP (quality 75) and JPEG
// (quality 80), and AVIF where the library can. Prints the median time per photo of 3 rounds.
//   dotnet run -c Release --project bench/ImageLibraries -- PHOTO.jpg [PHOTO.jpg…]
using System.Diagnostics;
using ImageMagick;
using NetVips;
using SkiaSharp;

int[] widths = [480, 800, 1200];
var photos = args;
Console.WriteLine($"{photos.Length} photos, {photos.Sum(p => new FileInfo(p).Length) / 1024} KiB; widths {string.Join(", ", widths)}; one thread");

Measure("NetVips (libvips 8.18)", path =>
{
    long bytes = 0;
    using var decoded = NetVips.Image.Thumbnail(path, widths[^1], height: 10_000_000, size: Enums.Size.Down);
    using var memory = decoded.CopyMemory();
    foreach (var width in widths)
    {
        using var sized = memory.ThumbnailImage(width, height: 10_000_000);
        bytes += sized.WebpsaveBuffer(q: 75, keep: Enums.ForeignKeep.None).Length;
        bytes += sized.JpegsaveBuffer(q: 80, optimizeCoding: true, keep: Enums.ForeignKeep.None).Length;
        bytes += sized.HeifsaveBuffer(q: 50, compression: Enums.ForeignHeifCompression.Av1, effort: 0, keep: Enums.ForeignKeep.None).Length;
    }

    return bytes;
});

Measure("SkiaSharp 3.119 (no AVIF encoder)", path =>
{
    long bytes = 0;
    using var codec = SKCodec.Create(path);
    using var bitmap = SKBitmap.Decode(codec);
    foreach (var width in widths)
    {
        var height = (int)Math.Round((double)bitmap.Height * width / bitmap.Width);
        using var sized = bitmap.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(sized);
        using var webp = image.Encode(SKEncodedImageFormat.Webp, 75);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        bytes += webp.Size + jpeg.Size;
    }

    return bytes;
});

Measure("Magick.NET 15.1 Q8", path =>
{
    long bytes = 0;
    using var original = new MagickImage(path);
    original.AutoOrient();
    foreach (var width in widths)
    {
        using var sized = original.Clone();
        sized.Resize((uint)width, 0);
        sized.Strip();
        sized.Quality = 75;
        bytes += sized.ToByteArray(MagickFormat.WebP).Length;
        sized.Quality = 80;
        bytes += sized.ToByteArray(MagickFormat.Jpeg).Length;
        sized.Quality = 50;
        bytes += sized.ToByteArray(MagickFormat.Avif).Length;
    }

    return bytes;
});

void Measure(string name, Func<string, long> work)
{
    try
    {
        work(photos[0]); // warm up
        var rounds = new List<double>();
        long bytes = 0;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            bytes = photos.Sum(work);
            rounds.Add(watch.Elapsed.TotalSeconds / photos.Length);
        }

        rounds.Sort();
        Console.WriteLine($"{name,-36} {rounds[1] * 1000,7:F0} ms per photo, {bytes / photos.Length / 1024,5} KiB written per photo; peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB so far");
    }
    catch (Exception e)
    {
        Console.WriteLine($"{name,-36} failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
    }
}
