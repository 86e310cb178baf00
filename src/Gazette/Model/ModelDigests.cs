using System.Collections;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Reflection;
using Gazette.Markdown;
using Gazette.Text;

namespace Gazette.Model;

/// <summary>
/// Digests of what a page read of the model, the same from one build to the next for the same
/// values: the build cache keeps a page's and renders it again only when the digest of its reads
/// in the new model differs (<see cref="Output.PageCache"/>).
/// <para>A value is digested by what templates can see of it: a document, term, taxonomy or the
/// site's lists by identity (what a page read of them is recorded member by member, and digested
/// on its own), lists and dictionaries item by item, any other object of the model by the members
/// templates read of it (its table's, else its public properties and fields, which is what
/// Scriban shows). A value of a type it does not know makes the page one that is always rendered.</para>
/// <para>Digests are remembered per document, term, taxonomy or list and member: the title of an
/// article that a thousand list pages show is digested once. Other objects are digested each time
/// they are reached (remembering them cost more: the first identity hash of each of a few hundred
/// thousand small objects is slow). Not thread-safe: one per thread.</para>
/// </summary>
internal sealed class ModelDigests
{
    private readonly Dictionary<(object Entity, int Member), UInt128> _members = new(EntityMemberComparer.Instance);
    // Digests made beforehand for every thread (see Precompute), read-only once made.
    private readonly Dictionary<object, EntityDigests>? _shared;
    private static readonly ConcurrentDictionary<Type, Shape?> Shapes = new();
    private const int MaxDepth = 48;
    // Digest states are reused: a build digests a few hundred thousand members.
    private readonly Stack<XxHash128> _free = [];

    public ModelDigests(Dictionary<object, EntityDigests>? shared = null) => _shared = shared;

    /// <summary>The digests of some members of one model object, by member.</summary>
    public sealed class EntityDigests(object entity, ulong members)
    {
        public object Entity { get; } = entity;
        public ulong Members { get; } = members;
        public UInt128[] Digests { get; } = new UInt128[64];
    }

    /// <summary>
    /// Digests the members <paramref name="wanted"/> names, each object's on one thread, for all
    /// threads to read: every page reads the site's list, most lists the same articles' titles, so
    /// threads that each kept their own would digest the whole site each.
    /// </summary>
    public static Dictionary<object, EntityDigests> Precompute(IEnumerable<(object Entity, ulong Members)> wanted, ParallelOptions parallel)
    {
        // A document's JSON-LD is digested as all its other members: those are digested with it.
        var all = wanted.Select(w => new EntityDigests(w.Entity,
            w.Entity is Document && (w.Members & (1UL << JsonLd)) != 0 ? AllDocumentMembers : w.Members)).ToArray();
        Parallel.For(0, all.Length, parallel, () => new ModelDigests(), (i, _, digests) =>
        {
            digests.Fill(all[i]);
            return digests;
        }, _ => { });
        var shared = new Dictionary<object, EntityDigests>(all.Length, ReferenceEqualityComparer.Instance);
        foreach (var entry in all)
        {
            shared[entry.Entity] = entry;
        }

        return shared;
    }

    private static readonly ulong AllDocumentMembers = ModelMembers.Documents.Members.Length == 64 ? ulong.MaxValue
        : (1UL << ModelMembers.Documents.Members.Length) - 1;

    /// <summary>Digests the members an entry names, straight into it: each object is digested once,
    /// on one thread, so nothing is remembered besides (a dictionary of every member of the site,
    /// looked up for each, cost a quarter of the work).</summary>
    private void Fill(EntityDigests entry)
    {
        var failed = false;
        for (var members = entry.Members; members != 0; members &= members - 1)
        {
            var member = System.Numerics.BitOperations.TrailingZeroCount(members);
            if (entry.Entity is Document && member == JsonLd)
            {
                continue;
            }

            try
            {
                entry.Digests[member] = Compute(entry.Entity, member);
            }
            catch (UnknownValueException)
            {
                // Left out (zero): a page reading it digests it itself, and finds it has no stable digest.
                failed = true;
            }
        }

        if (entry.Entity is Document && (entry.Members & (1UL << JsonLd)) != 0 && !failed)
        {
            var hash = Rent();
            for (var member = 0; member < ModelMembers.Documents.Members.Length; member++)
            {
                if (member != JsonLd)
                {
                    hash.AppendNumber(entry.Digests[member]);
                }
            }

            entry.Digests[JsonLd] = Finish(hash);
        }
    }

    private XxHash128 Rent() => _free.TryPop(out var hash) ? hash : new XxHash128();

    private UInt128 Finish(XxHash128 hash)
    {
        var digest = hash.GetCurrentHashAsUInt128();
        hash.Reset();
        _free.Push(hash);
        return digest;
    }

    /// <summary>A value the digest cannot describe the same way twice (a foreign object).</summary>
    public sealed class UnknownValueException(Type type) : Exception($"no stable digest for a {type.FullName}");

    /// <summary>What names a model object across builds (its file, its URL), or null for a value
    /// that is not an object pages' reads are recorded on.</summary>
    public static string? KeyOf(object entity) => entity switch
    {
        Document document => "d:" + document.SourcePath,
        Term term => "t:" + term.Url,
        Taxonomy taxonomy => "x:" + taxonomy.Url,
        SiteModel model => "s:" + model.Prefix,
        _ => null,
    };

    /// <summary>Every object of the <paramref name="editions"/> a page may have read, by
    /// <see cref="KeyOf"/>; null when two objects have one key (then no key names one object).</summary>
    public static Dictionary<string, object>? Entities(IEnumerable<SiteModel> editions)
    {
        var entities = new Dictionary<string, object>(StringComparer.Ordinal);
        bool Add(object entity) => entities.TryAdd(KeyOf(entity)!, entity);
        foreach (var model in editions)
        {
            var unique = Add(model) && model.Articles.Concat(model.Pages).All(Add);
            foreach (var taxonomy in new[] { model.Tags, model.Categories, model.Authors })
            {
                unique = unique && Add(taxonomy) && taxonomy.Terms.All(Add);
            }

            if (!unique)
            {
                return null;
            }
        }

        return entities;
    }

    /// <summary>The digest of the members <paramref name="reads"/> name, in their order; null when
    /// one holds a value without a stable digest. Which objects they are is not in it: the page's
    /// record lists them, and the next build digests that same list, each object as it is then.</summary>
    /// <param name="entries">For each read, its object's digests made beforehand, when the caller
    /// has them at hand (else they are looked up).</param>
    public UInt128? OfReads(ReadOnlySpan<Read> reads, ReadOnlySpan<EntityDigests?> entries = default)
    {
        var hash = Rent();
        try
        {
            for (var i = 0; i < reads.Length; i++)
            {
                var (entity, members) = reads[i];
                var entry = entries.IsEmpty ? null : entries[i];
                hash.AppendNumber(members);
                for (var rest = members; rest != 0; rest &= rest - 1)
                {
                    var member = System.Numerics.BitOperations.TrailingZeroCount(rest);
                    hash.AppendNumber(entry is not null && (entry.Members & (1UL << member)) != 0 && entry.Digests[member] != UInt128.Zero
                        ? entry.Digests[member]
                        : OfMember(entity, member));
                }
            }
        }
        catch (UnknownValueException)
        {
            Finish(hash);
            return null;
        }

        return Finish(hash);
    }

    /// <summary>The digest of what a page is given besides its reads: its layout, language, path
    /// and values (<c>page</c>, <c>paginator</c>…); null when one has no stable digest.</summary>
    public UInt128? OfPage(string layout, string language, string outputPath, IReadOnlyDictionary<string, object?> values)
    {
        var hash = Rent();
        hash.AppendText(layout);
        hash.AppendText(language);
        hash.AppendText(outputPath);
        try
        {
            foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                hash.AppendText(name);
                Add(hash, value, 0);
            }
        }
        catch (UnknownValueException)
        {
            Finish(hash);
            return null;
        }

        return Finish(hash);
    }

    /// <summary>The digest of any value, as <see cref="OfPage"/> digests it (the site object's icons and logo).</summary>
    public UInt128 Of(object? value)
    {
        var hash = Rent();
        Add(hash, value, 0);
        return Finish(hash);
    }

    private UInt128 OfMember(object entity, int member)
    {
        if (_shared is not null && _shared.TryGetValue(entity, out var precomputed) && (precomputed.Members & (1UL << member)) != 0
            && precomputed.Digests[member] != UInt128.Zero)
        {
            return precomputed.Digests[member];
        }

        if (_members.TryGetValue((entity, member), out var known))
        {
            return known;
        }

        return _members[(entity, member)] = entity is Document && member == JsonLd ? OfDocumentData(entity) : Compute(entity, member);
    }

    /// <summary>The digest of one member's value (not the JSON-LD's).</summary>
    private UInt128 Compute(object entity, int member)
    {
        var value = entity switch
        {
            Document document => ModelMembers.Documents.Members[member].Read(document),
            Term term => ModelMembers.Terms.Members[member].Read(term),
            Taxonomy taxonomy => ModelMembers.Taxonomies.Members[member].Read(taxonomy),
            SiteModel model => ModelMembers.Site.Members[member].Read(model),
            _ => throw new UnknownValueException(entity.GetType()),
        };
        var hash = Rent();
        try
        {
            Add(hash, value, 0);
        }
        catch (UnknownValueException)
        {
            Finish(hash);
            throw;
        }

        return Finish(hash);
    }

    private static readonly int JsonLd = ModelMembers.Documents.IndexOf("json_ld");

    /// <summary>
    /// A document's JSON-LD is written from its other members and site.yml (in the fingerprint):
    /// its digest is theirs, which spares writing the JSON of every article at every build.
    /// </summary>
    private UInt128 OfDocumentData(object document)
    {
        var hash = Rent();
        try
        {
            for (var member = 0; member < ModelMembers.Documents.Members.Length; member++)
            {
                if (member != JsonLd)
                {
                    hash.AppendNumber(OfMember(document, member));
                }
            }
        }
        catch (UnknownValueException)
        {
            Finish(hash);
            throw;
        }

        return Finish(hash);
    }

    private void Add(XxHash128 hash, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new UnknownValueException(value?.GetType() ?? typeof(object));
        }

        switch (value)
        {
            case null:
                AddTag(hash, 0);
                break;
            case string text:
                AddTag(hash, 1);
                hash.AppendText(text);
                break;
            case HtmlString html:
                AddTag(hash, 2);
                hash.AppendNumber(html.Digest());
                break;
            case bool flag:
                AddTag(hash, flag ? (byte)3 : (byte)4);
                break;
            case int or long or short or byte or uint or ulong or Enum:
                AddTag(hash, 5);
                hash.AppendNumber(unchecked((ulong)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case double number:
                AddTag(hash, 6);
                hash.AppendNumber((ulong)BitConverter.DoubleToInt64Bits(number));
                break;
            case decimal number:
                AddTag(hash, 7);
                hash.AppendText(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset date:
                // With its offset: pages print a date as written.
                AddTag(hash, 8);
                hash.AppendNumber((ulong)date.Ticks);
                hash.AppendNumber((ulong)date.Offset.Ticks);
                break;
            case DateTime date:
                AddTag(hash, 9);
                hash.AppendNumber((ulong)date.Ticks);
                hash.AppendNumber((ulong)date.Kind);
                break;
            case Document or Term or Taxonomy or SiteModel:
                AddTag(hash, 10);
                AddKey(hash, value);
                break;
            case IEntityView view:
                Add(hash, view.Entity, depth + 1);
                break;
            case IEnumerable<KeyValuePair<string, object?>> dictionary:
                // params: front matter's and site.yml's, in the order written (a Scriban object for nested ones).
                AddTag(hash, 11);
                foreach (var (key, item) in dictionary)
                {
                    hash.AppendText(key);
                    Add(hash, item, depth + 1);
                }

                AddTag(hash, 12);
                break;
            case IEnumerable list:
                AddTag(hash, 13);
                foreach (var item in list)
                {
                    Add(hash, item, depth + 1);
                }

                AddTag(hash, 14);
                break;
            default:
                AddTag(hash, 15);
                hash.AppendNumber(OfObject(value, depth));
                break;
        }
    }

    /// <summary>An object of the model that is not an entity (a figure, a review, a list page), by
    /// what templates read of it.</summary>
    private UInt128 OfObject(object value, int depth)
    {
        var shape = Shapes.GetOrAdd(value.GetType(), ShapeOf) ?? throw new UnknownValueException(value.GetType());
        var hash = Rent();
        hash.AppendText(shape.Name);
        try
        {
            foreach (var read in shape.Reads)
            {
                Add(hash, read(value), depth + 1);
            }
        }
        catch (UnknownValueException)
        {
            Finish(hash);
            throw;
        }

        return Finish(hash);
    }

    /// <summary>What a digest reads of a type, found once per type: its name and a reader per member.
    /// (The native program looks a type's name up in its metadata at every call: a few hundred
    /// thousand figures and term links made that a tenth of the cache check.)</summary>
    private sealed record Shape(string Name, Func<object, object?>[] Reads);

    /// <summary>Null for a type that is not the model's.</summary>
    private static Shape? ShapeOf(Type type) =>
        type.Assembly != typeof(Document).Assembly ? null : new Shape(type.FullName ?? type.Name, ReadersOf(type));

    /// <summary>The members templates can read of a type: its table's when it has one, else its
    /// public properties and fields (by name, so the order never depends on the compiler).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "Only the model's own types are read, and the native program keeps the whole Gazette assembly (TrimmerRootAssembly): Scriban reads them so too.")]
    private static Func<object, object?>[] ReadersOf(Type type)
    {
        if (type == typeof(Figure))
        {
            return [.. ModelMembers.Figures.Members.Select(m => (Func<object, object?>)(o => m.Read((Figure)o)))];
        }

        if (type == typeof(TermLink))
        {
            return [.. ModelMembers.TermLinks.Members.Select(m => (Func<object, object?>)(o => m.Read((TermLink)o)))];
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract")
            .Select(p => (p.Name, Read: p.Name == nameof(IJsonLdSource.JsonLd) && typeof(IJsonLdSource).IsAssignableFrom(type)
                ? o => ((IJsonLdSource)o).JsonLdInputs
                : (Func<object, object?>)p.GetValue));
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.Name, Read: (Func<object, object?>)f.GetValue));
        return [.. properties.Concat(fields).OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => m.Read)];
    }

    private static void AddTag(XxHash128 hash, byte tag) => hash.Append([tag]);

    /// <summary>What <see cref="KeyOf"/> says, without making its string (a few hundred thousand a build).</summary>
    private static void AddKey(XxHash128 hash, object entity)
    {
        var (kind, name) = entity switch
        {
            Document document => ((byte)'d', document.SourcePath),
            Term term => ((byte)'t', term.Url),
            Taxonomy taxonomy => ((byte)'x', taxonomy.Url),
            SiteModel model => ((byte)'s', model.Prefix),
            _ => throw new UnknownValueException(entity.GetType()),
        };
        AddTag(hash, kind);
        hash.AppendText(name);
    }

    private sealed class EntityMemberComparer : IEqualityComparer<(object Entity, int Member)>
    {
        public static readonly EntityMemberComparer Instance = new();

        public bool Equals((object Entity, int Member) x, (object Entity, int Member) y) => ReferenceEquals(x.Entity, y.Entity) && x.Member == y.Member;

        public int GetHashCode((object Entity, int Member) key) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Entity), key.Member);
    }
}
