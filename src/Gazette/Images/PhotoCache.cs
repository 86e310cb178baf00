using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Gazette.Images;

/// <summary>
/// Processed photos kept between builds, outside the output, named by the hash of everything that
/// made their bytes (the source's bytes, the size, the format, the quality, the metadata written,
/// the recipe's version): a photo is encoded once, whatever moves around it, and a changed photo
/// gets new names. Entries a build did not use are pruned after it.
/// </summary>
internal sealed partial class PhotoCache
{
    /// <summary>The folder, relative to the site.</summary>
    public const string Folder = ".gazette/cache/images";

    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public PhotoCache(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    /// <summary>The key of an entry: a hash of the parts that decide its bytes.</summary>
    public static string Key(params string[] parts)
    {
        var text = string.Join('\n', parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The hash of a file's bytes.</summary>
    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The cached file for <paramref name="key"/>, or null when it is not there yet.</summary>
    public string? Find(string key, string extension)
    {
        var path = PathOf(key, extension);
        if (!File.Exists(path))
        {
            return null;
        }

        _used[Path.GetFileName(path)] = 0;
        return path;
    }

    /// <summary>Keeps <paramref name="bytes"/> under <paramref name="key"/>: written beside, then moved,
    /// so a build killed half-way never leaves a truncated entry under a valid name.</summary>
    public string Store(string key, string extension, ReadOnlySpan<byte> bytes)
    {
        var path = PathOf(key, extension);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(bytes);
        }

        File.Move(temporary, path, overwrite: true);
        _used[Path.GetFileName(path)] = 0;
        return path;
    }

    /// <summary>Deletes the entries this build did not use (and temporary files left by a killed
    /// build): only files named as this cache names them, nothing else in the folder.</summary>
    public void Prune() => DeleteEntries(Directory, name => !_used.ContainsKey(name));

    /// <summary><c>clean</c>: deletes the cache's entries of a site, then the cache folders if nothing
    /// else is in them. A cache that is a link out of the site is left alone.</summary>
    public static void Forget(string siteDirectory)
    {
        var folder = Path.Combine(siteDirectory, Folder);
        if (!System.IO.Directory.Exists(folder) || !Text.SafeFiles.IsSameOrInside(Path.GetFullPath(folder), siteDirectory))
        {
            return;
        }

        DeleteEntries(folder, _ => true);
        // .gazette/cache/images, .gazette/cache, .gazette: each only when empty.
        Text.SafeFiles.DeleteEmptyFolders(folder, siteDirectory);
    }

    /// <summary>Deletes the temporary files left in <paramref name="folder"/> by a killed build, and the
    /// entries <paramref name="unwanted"/> picks; any file not named as this cache names them stays.</summary>
    private static void DeleteEntries(string folder, Func<string, bool> unwanted)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if ((EntryName().IsMatch(name) && unwanted(name)) || LeftOver().IsMatch(name))
            {
                File.Delete(file);
            }
        }
    }

    private string PathOf(string key, string extension) => Path.Combine(Directory, key + extension);

    [GeneratedRegex(@"^[0-9a-f]{64}\.(jpg|png|webp|avif|txt)$")]
    private static partial Regex EntryName();

    [GeneratedRegex(@"^[0-9a-f]{64}\.(jpg|png|webp|avif|txt)\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex LeftOver();
}
