using System.Buffers.Binary;
using System.IO.Compression;

namespace Gazette.Tests.Support;

/// <summary>Tiny but real image files, built byte by byte so tests carry no binary fixtures.</summary>
public static class TestImages
{
    public static byte[] Png(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(stream, "IHDR", header);
        var raw = new byte[height * (1 + width * 3)];
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(stream, "IDAT", compressed.ToArray());
        }

        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    public static byte[] Gif(int width, int height)
    {
        var bytes = new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 0, 0, 0, 0, 0, 0, 0, 0x3B };
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)height);
        return bytes;
    }

    /// <summary>A real JPEG, a gradient of the given size (libvips encodes it): a photo Gazette can resize.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        using var gradient = NetVips.Image.Xyz(width, height);
        using var red = gradient[0] * (255.0 / width);
        using var green = gradient[1] * (255.0 / height);
        using var blue = (gradient[0] + gradient[1]) * (127.0 / (width + height));
        using var joined = red.Bandjoin(green, blue);
        using var bytes = joined.Cast(NetVips.Enums.BandFormat.Uchar);
        using var srgb = bytes.Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 90);
    }

    /// <summary>
    /// A real JPEG carrying what a phone camera writes: an EXIF block with the maker, the
    /// orientation, the camera's serial number (BodySerialNumber), maker notes, and the GPS position
    /// (48° 51′ 24″ N, 2° 21′ 3″ E). The EXIF block is built here tag by tag (TIFF, little-endian) and
    /// inserted after the JPEG's start marker.
    /// </summary>
    public static byte[] CameraJpeg(int width, int height, ushort orientation = 1)
    {
        var jpeg = Jpeg(width, height);
        var exif = new ExifBuilder();
        var ifd0 = exif.Directory();
        ifd0.Ascii(0x010F, "Gazette Camera Co");            // Make
        ifd0.Short(0x0112, orientation);                     // Orientation
        var exifIfd = exif.Directory();
        exifIfd.Ascii(0xA431, "SN-0320116738");              // BodySerialNumber
        exifIfd.Undefined(0x927C, "MAKERNOTE-SECRET"u8.ToArray()); // MakerNote
        var gps = exif.Directory();
        gps.Ascii(0x0001, "N");                              // GPSLatitudeRef
        gps.Rationals(0x0002, [(48, 1), (51, 1), (24, 1)]);  // GPSLatitude
        gps.Ascii(0x0003, "E");                              // GPSLongitudeRef
        gps.Rationals(0x0004, [(2, 1), (21, 1), (3, 1)]);    // GPSLongitude
        ifd0.Pointer(0x8769, exifIfd);                       // ExifIFD
        ifd0.Pointer(0x8825, gps);                           // GPSInfo
        var tiff = exif.Write(ifd0);
        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        app1.Add((byte)(length >> 8));
        app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>Writes TIFF directories (as EXIF stores them): entries of 12 bytes, values longer
    /// than 4 bytes after all the directories, offsets from the TIFF header.</summary>
    private sealed class ExifBuilder
    {
        private readonly List<Ifd> _directories = [];

        public Ifd Directory()
        {
            var directory = new Ifd();
            _directories.Add(directory);
            return directory;
        }

        public byte[] Write(Ifd first)
        {
            // Layout: header (8), then each directory (2 + 12n + 4), then every long value.
            var offset = 8;
            foreach (var directory in _directories)
            {
                directory.Offset = offset;
                offset += 2 + (12 * directory.Entries.Count) + 4;
            }

            var data = new List<byte>();
            var dataStart = offset;
            var output = new List<byte> { (byte)'I', (byte)'I', 42, 0 };
            output.AddRange(BitConverter.GetBytes((uint)first.Offset));
            foreach (var directory in _directories)
            {
                output.AddRange(BitConverter.GetBytes((ushort)directory.Entries.Count));
                foreach (var (tag, type, count, value, pointsTo) in directory.Entries.OrderBy(e => e.Tag))
                {
                    output.AddRange(BitConverter.GetBytes(tag));
                    output.AddRange(BitConverter.GetBytes(type));
                    output.AddRange(BitConverter.GetBytes(count));
                    if (pointsTo is not null)
                    {
                        output.AddRange(BitConverter.GetBytes((uint)pointsTo.Offset));
                    }
                    else if (value.Length <= 4)
                    {
                        output.AddRange([.. value, .. new byte[4 - value.Length]]);
                    }
                    else
                    {
                        output.AddRange(BitConverter.GetBytes((uint)(dataStart + data.Count)));
                        data.AddRange(value);
                        if (data.Count % 2 == 1)
                        {
                            data.Add(0);
                        }
                    }
                }

                output.AddRange(BitConverter.GetBytes(0u)); // no next directory
            }

            output.AddRange(data);
            return [.. output];
        }
    }

    private sealed class Ifd
    {
        public int Offset { get; set; }

        public List<(ushort Tag, ushort Type, uint Count, byte[] Value, Ifd? PointsTo)> Entries { get; } = [];

        public void Ascii(ushort tag, string text)
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(text + "\0");
            Entries.Add((tag, 2, (uint)bytes.Length, bytes, null));
        }

        public void Short(ushort tag, ushort value) => Entries.Add((tag, 3, 1, BitConverter.GetBytes(value), null));

        public void Undefined(ushort tag, byte[] value) => Entries.Add((tag, 7, (uint)value.Length, value, null));

        public void Rationals(ushort tag, (uint Numerator, uint Denominator)[] values) =>
            Entries.Add((tag, 5, (uint)values.Length, [.. values.SelectMany(v => BitConverter.GetBytes(v.Numerator).Concat(BitConverter.GetBytes(v.Denominator)))], null));

        public void Pointer(ushort tag, Ifd directory) => Entries.Add((tag, 4, 1, [], directory));
    }

    /// <summary>A real JPEG of grain, as detailed as a camera's photo (every resize changes its bytes).</summary>
    public static byte[] Grain(int width, int height)
    {
        using var noise = NetVips.Image.Gaussnoise(width, height, mean: 128, sigma: 40, seed: 42);
        using var bands = noise.Bandjoin(noise.Rot180().Resize((double)width / width), noise.Flip(NetVips.Enums.Direction.Horizontal));
        using var bytes = bands.Cast(NetVips.Enums.BandFormat.Uchar);
        using var srgb = bytes.Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 90);
    }

    /// <summary>A real JPEG whose left half is pure red and right half pure blue.</summary>
    public static byte[] Halves(int width, int height)
    {
        using var x = NetVips.Image.Xyz(width, height)[0];
        using var left = x < (width / 2.0);
        using var red = left.Ifthenelse(255, 0);
        using var blue = left.Ifthenelse(0, 255);
        using var green = NetVips.Image.Black(width, height);
        using var joined = red.Bandjoin(green, blue).Cast(NetVips.Enums.BandFormat.Uchar);
        using var srgb = joined.Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 95);
    }

    /// <summary>Only a JPEG's header: SOI, an APP0 segment, then a baseline frame header (SOF0).</summary>
    public static byte[] JpegHeader(int width, int height)
    {
        var bytes = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 };
        bytes.AddRange("JFIF\0"u8.ToArray());
        bytes.AddRange(new byte[] { 1, 1, 0, 0, 1, 0, 1, 0, 0 });
        bytes.AddRange(new byte[] { 0xFF, 0xC0, 0x00, 0x11, 0x08 });
        bytes.AddRange(new[] { (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width });
        bytes.AddRange(new byte[] { 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 });
        bytes.AddRange(new byte[] { 0xFF, 0xD9 });
        return [.. bytes];
    }

    /// <summary>A lossless WebP header (VP8L) carrying the size.</summary>
    public static byte[] WebPLossless(int width, int height)
    {
        var bytes = new byte[30];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 22);
        "WEBPVP8L"u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 10);
        bytes[20] = 0x2F;
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(21), bits);
        return bytes;
    }

    public static string Svg(int width, int height) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\"><rect width=\"10\" height=\"10\"/></svg>";

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = Crc32([.. typeBytes, .. data]);
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        stream.Write(crcBytes);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
