using System.Buffers.Binary;
using System.IO.Hashing;

namespace Gazette.Text;

/// <summary>
/// The framing of Gazette's cache files (<c>.gazette/cache/</c>): a magic number naming the kind
/// of cache, the format's version, the length and an XxHash128 checksum of the body. A file that
/// does not match is never trusted: the caller hears why, warns once and builds without it. Files
/// are written beside their final name, then moved, so a killed build leaves none half written.
/// </summary>
internal static class CacheFile
{
    private const int HeaderLength = 8 + 4 + 8 + 16;

    /// <summary>A whole file, into an array that is not cleared first (File.ReadAllBytes zeroes
    /// it): the body cache reads 90 MB at each build of 10 000 articles. A file that shrinks
    /// meanwhile gives a shorter array, which the framing's length then refuses.</summary>
    private static byte[] ReadAll(string path)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        if (length > Array.MaxLength)
        {
            throw new IOException($"{length} bytes is more than a cache file holds");
        }

        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        var read = 0;
        while (read < bytes.Length && RandomAccess.Read(file, bytes.AsSpan(read), read) is var n and > 0)
        {
            read += n;
        }

        return read == bytes.Length ? bytes : bytes[..read];
    }

    /// <summary>The body of a cache file. Null and no problem when there is none; null and why
    /// when it cannot be trusted.</summary>
    /// <param name="magic">Eight bytes naming the kind of cache.</param>
    public static (ArraySegment<byte>? Body, string? Problem) Read(string path, ReadOnlySpan<byte> magic, int version)
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                return (null, null);
            }

            bytes = ReadAll(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read ({e.Message})");
        }

        if (bytes.Length < HeaderLength || !bytes.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            return (null, "is not a Gazette build cache");
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)) != version)
        {
            return (null, "was written by another version of Gazette");
        }

        var body = new ArraySegment<byte>(bytes, HeaderLength, bytes.Length - HeaderLength);
        if (BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12)) != body.Count)
        {
            return (null, "is truncated (a build stopped while writing it?)");
        }

        if (BinaryPrimitives.ReadUInt128LittleEndian(bytes.AsSpan(20)) != XxHash128.HashToUInt128(body))
        {
            return (null, "is damaged (its checksum does not match)");
        }

        return (body, null);
    }

    /// <summary>Writes <paramref name="body"/> framed beside <paramref name="path"/>, then moves it there.</summary>
    public static void Write(string path, ReadOnlySpan<byte> magic, int version, ReadOnlySpan<byte> body)
    {
        var header = new byte[HeaderLength];
        magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), version);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(12), body.Length);
        BinaryPrimitives.WriteUInt128LittleEndian(header.AsSpan(20), XxHash128.HashToUInt128(body));

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(header);
            file.Write(body);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes a cache file and what killed builds left beside it; a missing one is fine.</summary>
    public static void Delete(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder))
        {
            File.Delete(path);
            foreach (var left in Directory.EnumerateFiles(folder, Path.GetFileName(path) + ".*.tmp"))
            {
                File.Delete(left);
            }
        }
    }

    /// <summary>What reading a body that passed its checksum can still throw when it is not what
    /// this version wrote: the cache is then damaged, never a crash.</summary>
    public static bool IsDamage(Exception e) => e is EndOfStreamException or IOException or IndexOutOfRangeException or ArgumentException
        or FormatException or OverflowException or InvalidDataException;

    /// <summary><c>clean</c>: deletes the files of a cache folder that <paramref name="isOurs"/> names
    /// (by file name), then the folder and its parents while empty. A folder that is a link out of
    /// the site is left alone.</summary>
    public static void Forget(string site, string folder, Func<string, bool> isOurs)
    {
        var directory = Path.Combine(site, folder);
        if (!Directory.Exists(directory) || !SafeFiles.IsSameOrInside(Path.GetFullPath(directory), site))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory).Where(file => isOurs(Path.GetFileName(file))))
        {
            File.Delete(file);
        }

        SafeFiles.DeleteEmptyFolders(directory, site);
    }

    public static UInt128 ReadUInt128(BinaryReader reader)
    {
        Span<byte> bytes = stackalloc byte[16];
        reader.BaseStream.ReadExactly(bytes);
        return BinaryPrimitives.ReadUInt128LittleEndian(bytes);
    }

    public static void WriteUInt128(BinaryWriter writer, UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
        writer.Write(bytes);
    }
}
