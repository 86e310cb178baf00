using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Gazette.Text;

namespace Gazette.Output;

/// <summary>What a page was made from when it was last written, and what was written.</summary>
/// <param name="PageDigest">Its layout, path and values (<see cref="Model.ModelDigests.OfPage"/>).</param>
/// <param name="Reads">What its templates read: each model object by its key's number in the cache's
/// <see cref="PageCache.Keys"/>, and the bits of its members.</param>
/// <param name="ReadsDigest">The digest of those members' values (<see cref="Model.ModelDigests.OfReads"/>).</param>
/// <param name="Length">The written file's length, and its last write time (UTC ticks): a file
/// changed since (by hand, by another program) is written again.</param>
internal sealed record CachedPage(string OutputPath, UInt128 PageDigest, PageRead[] Reads, UInt128 ReadsDigest, long Length,
    long WriteTicks)
{
    /// <summary>What the link check had left to check of the page (<see cref="LinkChecker.PageLinks"/>).</summary>
    public LinkChecker.PageLinks Links { get; init; } = new();
}

/// <summary>What a page read of one model object: the number of the object's key
/// (<see cref="ReadKeys"/>) and the bits of the members read.</summary>
internal readonly record struct PageRead(int Key, ulong Members);

/// <summary>
/// The keys of the model objects pages read (<see cref="Model.ModelDigests.KeyOf"/>), numbered:
/// thousands of pages read one document, and the next build finds each object once, by number,
/// instead of once per page that read it. Not thread-safe.
/// </summary>
internal sealed class ReadKeys(IEnumerable<string>? keys = null)
{
    private readonly List<string> _keys = keys is null ? [] : [.. keys];
    private Dictionary<string, int>? _numbers;

    public int Count => _keys.Count;

    public string this[int number] => _keys[number];

    /// <summary>The number of a key, a new one when it has none yet.</summary>
    public int NumberOf(string key)
    {
        if (_numbers is null)
        {
            _numbers = new Dictionary<string, int>(_keys.Count, StringComparer.Ordinal);
            for (var i = 0; i < _keys.Count; i++)
            {
                _numbers[_keys[i]] = i;
            }
        }

        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, key, out var exists);
        if (!exists)
        {
            number = _keys.Count;
            _keys.Add(key);
        }

        return number;
    }
}

/// <summary>
/// The build cache of one output folder (<c>.gazette/cache/pages/</c>): for each page of the last
/// build, what it read and what it wrote, with the fingerprint of everything that may change any
/// page (Gazette itself, site.yml, the theme, the build's options). The next build renders again
/// only the pages whose reads or values differ, and leaves the others' files untouched.
/// <para>The file is written beside its final name, then moved; it starts with a magic number, the
/// format's version, the length and a checksum of what follows. Anything that does not match is
/// one warning and a build of every page: the cache is never trusted.</para>
/// </summary>
internal sealed class PageCache
{
    public const string Folder = ".gazette/cache/pages";
    private const int FormatVersion = 2;
    private static readonly byte[] Magic = "GZPAGES\n"u8.ToArray();

    public required UInt128 Fingerprint { get; init; }
    /// <summary>The output folder (full path) the pages were written to.</summary>
    public required string Output { get; init; }
    public required Dictionary<string, CachedPage> Pages { get; init; }
    /// <summary>What the pages' reads number (a loaded cache's are all the strings of its file).</summary>
    public required ReadKeys Keys { get; init; }

    /// <summary>The cache file of an output folder: one per output, so building into two folders
    /// keeps both caches.</summary>
    public static string PathFor(string site, string output) =>
        Path.Combine(site, Folder, Convert.ToHexStringLower(BitConverter.GetBytes(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(output)))) + ".cache");

    /// <summary>Reads a cache file. Returns null and no problem when there is none; null and why
    /// when it cannot be trusted.</summary>
    public static (PageCache? Cache, string? Problem) Load(string path)
    {
        var (body, problem) = CacheFile.Read(path, Magic, FormatVersion);
        if (body is not { } bytes)
        {
            return (null, problem);
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8);
            var fingerprint = CacheFile.ReadUInt128(reader);
            var output = reader.ReadString();
            var keys = new string[reader.ReadInt32()];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = reader.ReadString();
            }

            var count = reader.ReadInt32();
            var pages = new Dictionary<string, CachedPage>(count, StringComparer.Ordinal);
            for (var n = 0; n < count; n++)
            {
                var outputPath = reader.ReadString();
                var pageDigest = CacheFile.ReadUInt128(reader);
                var reads = new PageRead[reader.ReadInt32()];
                for (var i = 0; i < reads.Length; i++)
                {
                    var key = reader.ReadInt32();
                    reads[i] = (uint)key < (uint)keys.Length ? new PageRead(key, reader.ReadUInt64()) : throw new InvalidDataException("no such key");
                }

                var page = new CachedPage(outputPath, pageDigest, reads, CacheFile.ReadUInt128(reader), reader.ReadInt64(), reader.ReadInt64());
                var links = new LinkChecker.PageLinks();
                for (var i = reader.ReadInt32(); i > 0; i--)
                {
                    links.Kept.Add(keys[reader.ReadInt32()]);
                }

                for (var i = reader.ReadInt32(); i > 0; i--)
                {
                    links.BrokenAnchors.Add(keys[reader.ReadInt32()]);
                }

                pages[outputPath] = page with { Links = links };
            }

            return (new PageCache { Fingerprint = fingerprint, Output = output, Pages = pages, Keys = new ReadKeys(keys) }, null);
        }
        catch (Exception e) when (CacheFile.IsDamage(e))
        {
            return (null, "is damaged (it does not read as a cache)");
        }
    }

    /// <summary>Writes the cache beside <paramref name="path"/>, then moves it there.</summary>
    public void Save(string path)
    {
        // Strings first (a document is read by many pages, a stylesheet linked by all), then the
        // pages naming them by number. The pages are written first, to their own buffer, numbering
        // each string as they go. The reads' keys are numbered once each; the links' strings, a few
        // hundred thousand at 10 000 articles, are mostly one already met as the same object (the
        // strings this cache was loaded with), which is found by reference before it is hashed.
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        int Number(string text)
        {
            if (!known.TryGetValue(text, out var number))
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(keys, text, out var exists);
                number = exists ? slot : slot = keys.Count - 1;
                known[text] = number;
            }

            return number;
        }

        // A read's key by its number here: each is numbered for the file once.
        var keyNumbers = new int[Keys.Count];
        Array.Fill(keyNumbers, -1);
        int KeyNumber(int key) => keyNumbers[key] >= 0 ? keyNumbers[key] : keyNumbers[key] = Number(Keys[key]);

        using var pages = new MemoryStream();
        using (var writer = new BinaryWriter(pages, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Pages.Count);
            foreach (var page in Pages.Values)
            {
                writer.Write(page.OutputPath);
                CacheFile.WriteUInt128(writer, page.PageDigest);
                writer.Write(page.Reads.Length);
                foreach (var (key, members) in page.Reads)
                {
                    writer.Write(KeyNumber(key));
                    writer.Write(members);
                }

                CacheFile.WriteUInt128(writer, page.ReadsDigest);
                writer.Write(page.Length);
                writer.Write(page.WriteTicks);
                foreach (var list in new[] { page.Links.Kept, page.Links.BrokenAnchors })
                {
                    writer.Write(list.Count);
                    foreach (var text in list)
                    {
                        writer.Write(Number(text));
                    }
                }
            }
        }

        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            CacheFile.WriteUInt128(writer, Fingerprint);
            writer.Write(Output);
            writer.Write(keys.Count);
            foreach (var key in keys.Keys)
            {
                writer.Write(key);
            }

            writer.Write(pages.GetBuffer().AsSpan(0, (int)pages.Length));
        }

        CacheFile.Write(path, Magic, FormatVersion, body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    /// <summary>Deletes a cache file (before the output it describes changes) and what killed builds
    /// left beside it; a missing one is fine.</summary>
    public static void Delete(string path) => CacheFile.Delete(path);

    /// <summary><c>clean</c>: forgets the caches of a site (only files named as the cache names
    /// them), then the folders if nothing else is in them. A folder that is a link out of the site
    /// is left alone.</summary>
    public static void Forget(string siteDirectory) => CacheFile.Forget(siteDirectory, Folder,
        name => name.EndsWith(".cache", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal));
}
