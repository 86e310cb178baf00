using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gazette.Images;

/// <summary>Pixel dimensions of an image.</summary>
internal readonly record struct ImageDimensions(int Width, int Height);

/// <summary>
/// Reads width and height from the first bytes of JPEG, PNG, GIF, WebP and SVG files, so every
/// <c>img</c> carries them and pages do not shift while loading. Only headers are read, never pixels.
/// </summary>
internal static partial class ImageSize
{
    private const int HeaderBytes = 64 * 1024;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The dimensions, or null when the format is unknown or the header is damaged.</summary>
    public static ImageDimensions? Read(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(stream.Length, HeaderBytes)];
        stream.ReadExactly(buffer);
        var dimensions = Read(buffer);
        if (dimensions is null && IsJpeg(buffer) && stream.Length > HeaderBytes)
        {
            // Large EXIF/XMP blocks can push the frame header past the first 64 KiB.
            stream.Position = 0;
            var whole = new byte[stream.Length];
            stream.ReadExactly(whole);
            dimensions = Read(whole);
        }

        return dimensions;
    }

    public static ImageDimensions? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data.StartsWith(PngSignature))
        {
            return Positive(BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]));
        }

        if (data.Length >= 10 && (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)))
        {
            return Positive(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        }

        if (IsJpeg(data))
        {
            return ReadJpeg(data);
        }

        if (data.Length >= 30 && data.StartsWith("RIFF"u8) && data[8..].StartsWith("WEBP"u8))
        {
            return ReadWebP(data);
        }

        return LooksLikeSvg(data) ? ReadSvg(data) : null;
    }

    private static bool IsJpeg(ReadOnlySpan<byte> data) => data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8;

    private static ImageDimensions? ReadJpeg(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 9 < data.Length)
        {
            if (data[position] != 0xFF)
            {
                return null;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]);
                return Positive(width, height);
            }

            position += 2 + length;
        }

        return null;
    }

    private static ImageDimensions? ReadWebP(ReadOnlySpan<byte> data)
    {
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (data[24] | (data[25] << 8) | (data[26] << 16));
            var height = 1 + (data[27] | (data[28] << 8) | (data[29] << 16));
            return Positive(width, height);
        }

        if (chunk.SequenceEqual("VP8L"u8) && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return Positive((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8) && data[23] == 0x9D && data[24] == 0x01 && data[25] == 0x2A)
        {
            return Positive(BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        }

        return null;
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> data) =>
        data.IndexOf("<svg"u8) >= 0;

    private static ImageDimensions? ReadSvg(ReadOnlySpan<byte> data)
    {
        var text = System.Text.Encoding.UTF8.GetString(data);
        var tag = SvgTag().Match(text);
        if (!tag.Success)
        {
            return null;
        }

        var attributes = tag.Value;
        var width = Length(SvgWidth().Match(attributes));
        var height = Length(SvgHeight().Match(attributes));
        if (width is > 0 && height is > 0)
        {
            return Positive((int)Math.Round(width.Value), (int)Math.Round(height.Value));
        }

        var viewBox = SvgViewBox().Match(attributes);
        if (viewBox.Success)
        {
            var parts = viewBox.Groups[1].Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 4
                && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
                && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
            {
                return Positive((int)Math.Round(w), (int)Math.Round(h));
            }
        }

        return null;
    }

    private static double? Length(Match match) =>
        match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static ImageDimensions? Positive(int width, int height) =>
        width > 0 && height > 0 ? new ImageDimensions(width, height) : null;

    [GeneratedRegex(@"<svg\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex SvgTag();

    [GeneratedRegex(@"\swidth\s*=\s*[""']\s*([0-9.]+)\s*(?:px)?\s*[""']")]
    private static partial Regex SvgWidth();

    [GeneratedRegex(@"\sheight\s*=\s*[""']\s*([0-9.]+)\s*(?:px)?\s*[""']")]
    private static partial Regex SvgHeight();

    [GeneratedRegex(@"\sviewBox\s*=\s*[""']([^""']+)[""']")]
    private static partial Regex SvgViewBox();
}
