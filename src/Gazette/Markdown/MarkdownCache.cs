using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Text;

namespace Gazette.Markdown;

/// <summary>
/// Article bodies rendered by earlier builds (<c>.gazette/cache/markdown/</c>, 64 files by key): parsing and
/// rendering the Markdown is most of what reading the content costs, and a newsroom's build
/// changes a few files of thousands.
/// <para>An entry is found by a digest of the Markdown and of everything else the renderer is
/// told about the document (its file, its folder, its language, its typography). What the
/// renderer asked of the files around it, the images it resolved, is kept with the answers'
/// digest: the entry is used only when every image resolves again to the same URL, size, credit
/// and published files, and the figures are made again from those new answers (they carry this
/// build's photos). The warnings the render gave are given again. What can change every body
/// (Gazette itself, site.yml, the translations, the base URL) is the cache's fingerprint.</para>
/// </summary>
internal sealed class MarkdownCache
{
    public const string Folder = ".gazette/cache/markdown";
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "GZMARKD\n"u8.ToArray();
    // The entries are spread over files by key: a build that adds one article writes one file
    // again (a sixty-fourth of the bodies), and the files are read in parallel.
    private const int Shards = 64;

    private readonly UInt128 _fingerprint;
    private readonly Dictionary<UInt128, Entry>[] _previous;
    // Lock-free: every thread keeps an entry per article (a key names one file, so once a build).
    private readonly ConcurrentQueue<(UInt128 Key, Entry Entry)>[] _kept = [.. Enumerable.Range(0, Shards).Select(_ => new ConcurrentQueue<(UInt128, Entry)>())];
    private readonly int[] _added = new int[Shards];

    private MarkdownCache(UInt128 fingerprint, Dictionary<UInt128, Entry>[] previous)
    {
        _fingerprint = fingerprint;
        _previous = previous;
    }

    private static int ShardOf(UInt128 key) => (int)(ulong)(key & (Shards - 1));

    /// <summary>The file of a shard, relative to the site.</summary>
    public static string FileOf(int shard) => $"{Folder}/bodies-{shard:x2}.cache";

    /// <summary>One body as the renderer made it, with what it asked of the images around it.</summary>
    internal sealed record Entry(
        HtmlString[] Pieces,
        Place[] Places,
        (string Src, UInt128 Answer)[] Images,
        FigureRecipe[] Figures,
        int[] BodyFigures,
        VideoRecipe[] Videos,
        TocEntry[] Headings,
        int WordCount,
        bool ReviewPlaced,
        Diagnostic[] Findings,
        Diagnostic[] Given);

    /// <summary>What fills a place of the body: a figure, a video (by number) or the review box.</summary>
    internal readonly record struct Place(PlaceKind Kind, int Index);

    internal enum PlaceKind : byte
    {
        Review,
        Figure,
        Video,
    }

    /// <summary>A figure as the renderer made it: from which image, with which texts (the same
    /// when the image resolves to the same answer: its embedded credit is part of it).</summary>
    internal sealed record FigureRecipe(int Image, string Alt, string CaptionHtml, string CaptionText, string CreditHtml, string CreditText, string? CreditUrl,
        string CopyrightNotice);

    internal sealed record VideoRecipe(string Host, string Url, string EmbedUrl, string Title, int Poster);

    /// <summary>The site's cache, when its fingerprint is this build's; a file that cannot be
    /// trusted is one warning (for all of them), and its bodies are rendered.</summary>
    /// <param name="spill">Where bodies past the build's memory budget go, as the rendered ones do:
    /// a file is read whole (its checksum), and its bodies would otherwise keep it in memory for the
    /// whole build (3.4 GB of heap at 100 000 articles); with the spill, a file whose bodies all
    /// went to it is let go once read.</param>
    /// <param name="parallel">The session's parallelism (by default unbounded, as its other loops).</param>
    public static MarkdownCache Open(string site, UInt128 fingerprint, DiagnosticBag diagnostics, ParallelOptions parallel, HtmlSpill? spill)
    {
        var previous = new Dictionary<UInt128, Entry>[Shards];
        var problems = new (string File, string Problem)?[Shards];
        Parallel.For(0, Shards, parallel, shard =>
        {
            (previous[shard], var problem) = Load(Path.Combine(site, FileOf(shard)), fingerprint, spill);
            problems[shard] = problem is null ? null : (FileOf(shard), problem);
        });
        if (problems.FirstOrDefault(p => p is not null) is var (file, first))
        {
            var more = problems.Count(p => p is not null) - 1;
            diagnostics.Warning(DiagnosticCodes.BuildCacheUnusable, SourceLocation.File(file),
                $"the build cache {first}{(more > 0 ? $" (and {more} more of its files)" : "")}; their articles are read again, "
                + "and the cache written anew (--no-cache builds without it)");
        }

        return new MarkdownCache(fingerprint, previous);
    }

    private static (Dictionary<UInt128, Entry> Entries, string? Problem) Load(string path, UInt128 fingerprint, HtmlSpill? spill)
    {
        var entries = new Dictionary<UInt128, Entry>();
        var (body, problem) = CacheFile.Read(path, Magic, FormatVersion);
        if (body is not { } bytes)
        {
            return (entries, problem);
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8);
            if (CacheFile.ReadUInt128(reader) == fingerprint)
            {
                for (var count = reader.ReadInt32(); count > 0; count--)
                {
                    var key = CacheFile.ReadUInt128(reader);
                    entries[key] = ReadEntry(reader, bytes, spill);
                }
            }

            return (entries, null);
        }
        catch (Exception e) when (CacheFile.IsDamage(e))
        {
            return ([], "is damaged (it does not read as a cache)");
        }
    }

    /// <summary>The digest an entry is found by: the Markdown (its UTF-8 bytes), and all the renderer is told of its
    /// document, its folders relative to <paramref name="contentRoot"/> (a site moved or copied elsewhere keeps its bodies).</summary>
    public static UInt128 KeyOf(MarkdownText markdown, MarkdownContext context, string contentRoot)
    {
        var hash = new XxHash128();
        var utf8 = markdown.Utf8(out var scratch);
        hash.AppendNumber(utf8.Length);
        hash.Append(utf8);
        if (scratch is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(scratch);
        }

        hash.AppendText(context.SourcePath);
        hash.AppendText(Path.GetRelativePath(contentRoot, context.Place.Directory));
        hash.AppendText(context.Place.BundleDirectory is { } bundle ? Path.GetRelativePath(contentRoot, bundle) : null);
        hash.AppendText(context.Place.OutputFolder);
        hash.AppendText(context.Language);
        hash.AppendNumber(context.BodyLineOffset);
        hash.Append([(byte)context.Typography, context.Review is null ? (byte)0 : (byte)1]);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>A digest of what a body's HTML and figures take from a resolved image (its file by
    /// its path in <paramref name="contentRoot"/>).</summary>
    public static UInt128 AnswerOf(ResolvedImage image, string contentRoot)
    {
        // Digested field by field, each after its length: every image of every cached body is
        // checked at each build, and one string of all the fields was 24 MB at 10 000 articles.
        var hash = new XxHash128();
        hash.AppendText(image.Url);
        hash.AppendText(image.AbsoluteUrl);
        hash.AppendText(image.FullPath is { } file ? Path.GetRelativePath(contentRoot, file) : null);
        hash.AppendNumber(image.Dimensions?.Width ?? -1);
        hash.AppendNumber(image.Dimensions?.Height ?? -1);
        hash.AppendText(image.Embedded.Credit);
        hash.AppendText(image.Embedded.CopyrightNotice);
        hash.AppendNumber(image.FileSize ?? -1);
        if (image.Photo is { } photo)
        {
            hash.AppendText(photo.RelativePath);
            hash.AppendText(photo.Srcset);
            foreach (var source in photo.Sources)
            {
                hash.AppendText(source.Type);
                hash.AppendText(source.Srcset);
            }
        }

        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Bodies this build took from the cache.</summary>
    public int Reused => _kept.Sum(k => k.Count) - _added.Sum();

    /// <summary>The entry of an earlier build for this key, if any.</summary>
    public Entry? Find(UInt128 key) => _previous[ShardOf(key)].GetValueOrDefault(key);

    /// <summary>Keeps an entry for the next build (one found, or one just made).</summary>
    public void Keep(UInt128 key, Entry entry, bool made)
    {
        var shard = ShardOf(key);
        _kept[shard].Enqueue((key, entry));
        if (made)
        {
            Interlocked.Increment(ref _added[shard]);
        }
    }

    /// <summary>Writes the files whose entries this build changed: with the entries it used only.</summary>
    public void Save(string site)
    {
        Parallel.For(0, Shards, shard =>
        {
            var kept = _kept[shard];
            if (_added[shard] == 0 && kept.Count == _previous[shard].Count)
            {
                return;
            }

            // Sized for its bodies and a little more: grown by doubling, the 64 buffers of a first
            // build of 10 000 articles were some 250 MB to collect.
            using var body = new MemoryStream(kept.Sum(k => k.Entry.Pieces.Sum(piece => piece.Utf8Length) + 1024));
            using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
            {
                CacheFile.WriteUInt128(writer, _fingerprint);
                writer.Write(kept.Count);
                foreach (var (key, entry) in kept)
                {
                    CacheFile.WriteUInt128(writer, key);
                    WriteEntry(writer, entry);
                }
            }

            CacheFile.Write(Path.Combine(site, FileOf(shard)), Magic, FormatVersion, body.GetBuffer().AsSpan(0, (int)body.Length));
        });
    }

    /// <summary><c>clean</c>: forgets the cache (a link out of the site is left alone).</summary>
    public static void Forget(string site)
    {
        var shards = Enumerable.Range(0, Shards).Select(shard => Path.GetFileName(FileOf(shard))).ToHashSet(StringComparer.Ordinal);
        // A shard's file, or what a killed build left beside it (bodies-0a.cache.<guid>.tmp).
        CacheFile.Forget(site, Folder, name => shards.Contains(name) || (name.Split('.') is [var stem, "cache", _, "tmp"] && shards.Contains(stem + ".cache")));
    }

    private static void WriteEntry(BinaryWriter writer, Entry entry)
    {
        WriteAll(writer, entry.Pieces, (w, piece) =>
        {
            w.Write(piece.Utf8Length);
            piece.WriteTo(w.BaseStream);
        });
        WriteAll(writer, entry.Places, (w, place) =>
        {
            w.Write((byte)place.Kind);
            w.Write(place.Index);
        });
        WriteAll(writer, entry.Images, (w, image) =>
        {
            w.Write(image.Src);
            CacheFile.WriteUInt128(w, image.Answer);
        });
        WriteAll(writer, entry.Figures, (w, figure) =>
        {
            w.Write(figure.Image);
            w.Write(figure.Alt);
            w.Write(figure.CaptionHtml);
            w.Write(figure.CaptionText);
            w.Write(figure.CreditHtml);
            w.Write(figure.CreditText);
            WriteOptional(w, figure.CreditUrl);
            w.Write(figure.CopyrightNotice);
        });
        WriteAll(writer, entry.BodyFigures, (w, index) => w.Write(index));
        WriteAll(writer, entry.Videos, (w, video) =>
        {
            w.Write(video.Host);
            w.Write(video.Url);
            w.Write(video.EmbedUrl);
            w.Write(video.Title);
            w.Write(video.Poster);
        });
        WriteAll(writer, entry.Headings, (w, heading) =>
        {
            w.Write(heading.Level);
            w.Write(heading.Text);
            w.Write(heading.Id);
        });
        writer.Write(entry.WordCount);
        writer.Write(entry.ReviewPlaced);
        foreach (var list in new[] { entry.Findings, entry.Given })
        {
            WriteAll(writer, list, (w, diagnostic) =>
            {
                w.Write((byte)diagnostic.Severity);
                w.Write(diagnostic.Code);
                w.Write(diagnostic.Message);
                w.Write(diagnostic.Location.Path);
                w.Write(diagnostic.Location.Line);
                w.Write(diagnostic.Location.Column);
            });
        }
    }

    /// <summary>A list as <see cref="Array"/> reads it: its count, then each item.</summary>
    private static void WriteAll<T>(BinaryWriter writer, T[] items, Action<BinaryWriter, T> write)
    {
        writer.Write(items.Length);
        foreach (var item in items)
        {
            write(writer, item);
        }
    }

    /// <summary>An entry read from <paramref name="file"/>, the bytes <paramref name="reader"/> reads;
    /// its HTML pieces stay slices of them (the bodies of a whole site, not copied once more) up
    /// to the spill's budget, and go to its file past it.</summary>
    private static Entry ReadEntry(BinaryReader reader, ReadOnlyMemory<byte> file, HtmlSpill? spill)
    {
        var pieces = Array(reader, r =>
        {
            var length = Count(r); // within the file
            var start = (int)r.BaseStream.Seek(length, SeekOrigin.Current) - length;
            var piece = file.Slice(start, length);
            return spill?.Keep(piece) ?? HtmlString.OfUtf8(piece);
        });
        var places = Array(reader, r => new Place(r.ReadByte() is var kind and <= (byte)PlaceKind.Video ? (PlaceKind)kind : throw new InvalidDataException("no such place"),
            r.ReadInt32()));
        var images = Array(reader, r => (r.ReadString(), CacheFile.ReadUInt128(r)));
        var figures = Array(reader, r => new FigureRecipe(r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(),
            ReadOptional(r), r.ReadString()));
        var bodyFigures = Array(reader, r => r.ReadInt32());
        var videos = Array(reader, r => new VideoRecipe(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadInt32()));
        var headings = Array(reader, r => new TocEntry(r.ReadInt32(), r.ReadString(), r.ReadString()));
        var words = reader.ReadInt32();
        var reviewPlaced = reader.ReadBoolean();
        Diagnostic ReadDiagnostic(BinaryReader r) => new(r.ReadByte() == (byte)Severity.Error ? Severity.Error : Severity.Warning, r.ReadString(), r.ReadString(),
            new SourceLocation(r.ReadString(), r.ReadInt32(), r.ReadInt32()));
        var findings = Array(reader, ReadDiagnostic);
        var given = Array(reader, ReadDiagnostic);
        var entry = new Entry(pieces, places, images, figures, bodyFigures, videos, headings, words, reviewPlaced, findings, given);
        return IsWhole(entry) ? entry : throw new InvalidDataException("an entry naming what it does not hold");
    }

    /// <summary>Whether every number of an entry names something it holds (a damaged file may say otherwise).</summary>
    private static bool IsWhole(Entry entry) =>
        entry.Pieces.Length == entry.Places.Length + 1
        && entry.Places.All(p => p.Kind switch
        {
            PlaceKind.Figure => (uint)p.Index < (uint)entry.Figures.Length,
            PlaceKind.Video => (uint)p.Index < (uint)entry.Videos.Length,
            _ => true,
        })
        && entry.Figures.All(f => (uint)f.Image < (uint)entry.Images.Length)
        && entry.BodyFigures.All(i => (uint)i < (uint)entry.Figures.Length)
        && entry.Videos.All(v => v.Poster >= -1 && v.Poster < entry.Figures.Length);

    private static T[] Array<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var items = new T[Count(reader)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(reader);
        }

        return items;
    }

    /// <summary>A count written before a list, refused when it cannot be one (a damaged file).</summary>
    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position ? throw new InvalidDataException("a count past the file's end") : count;
    }

    private static void WriteOptional(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
