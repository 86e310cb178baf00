using Gazette.Text;

namespace Gazette.Model;

/// <summary>What a template read of one model object: the bits of the members it read.</summary>
internal readonly record struct Read(object Entity, ulong Members);

/// <summary>
/// A template object that shows one model object (another edition's <c>site</c>): what pages read
/// through it is recorded on <see cref="Entity"/>, and its other values come from site.yml, so it
/// is digested as that object (<see cref="ModelDigests"/>).
/// </summary>
internal interface IEntityView
{
    object Entity { get; }
}

/// <summary>
/// A model object whose <c>JsonLd</c> is written from its other members, from
/// <see cref="JsonLdInputs"/> and from site.yml (in the build cache's fingerprint): the cache
/// digests those inputs instead of writing the JSON of every list page at every build.
/// </summary>
internal interface IJsonLdSource
{
    HtmlString JsonLd { get; }

    /// <summary>Whatever the JSON-LD shows that the object's other members do not.</summary>
    object? JsonLdInputs { get; }
}

/// <summary>
/// What an update changed in the model, member by member (the bits of <see cref="ModelMembers"/>):
/// a page that read one of these members is rendered again, and no other.
/// </summary>
internal sealed class ModelChange
{
    private readonly Dictionary<object, ulong> _members = new(ReferenceEqualityComparer.Instance);

    /// <summary>The lists an article left, joined or moved in (the model for the site's list, terms,
    /// archive periods, and the taxonomies of those terms): their pages are listed again.</summary>
    public HashSet<object> Lists { get; } = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<object> Entities => _members.Keys;

    public void Add(object? entity, ulong members)
    {
        if (entity is not null && members != 0)
        {
            _members[entity] = _members.GetValueOrDefault(entity) | members;
        }
    }

    public ulong Of(object entity) => _members.GetValueOrDefault(entity);
}

/// <summary>
/// What each page (or cached partial) read of the model, with the reverse index: which pages read
/// each model object. An update looks up the objects it changed, not every page.
/// </summary>
internal sealed class ReadIndex<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Read[]> _reads;
    // Made at the first question (an edit in the dev server), then kept up to date.
    private Dictionary<object, HashSet<TKey>>? _readers;

    public ReadIndex(IEqualityComparer<TKey>? comparer = null) => _reads = new(comparer);

    public void Set(TKey key, Read[] reads)
    {
        if (_readers is not null)
        {
            Unindex(key);
            Index(key, reads);
        }

        _reads[key] = reads;
    }

    public void Remove(TKey key)
    {
        if (_readers is not null)
        {
            Unindex(key);
        }

        _reads.Remove(key);
    }

    /// <summary>The keys whose reads include a member <paramref name="change"/> changed.</summary>
    public HashSet<TKey> Touched(ModelChange change)
    {
        if (_readers is null)
        {
            _readers = new(ReferenceEqualityComparer.Instance);
            foreach (var (key, reads) in _reads)
            {
                Index(key, reads);
            }
        }

        var touched = new HashSet<TKey>(_reads.Comparer);
        foreach (var entity in change.Entities)
        {
            var changed = change.Of(entity);
            foreach (var key in _readers.GetValueOrDefault(entity) ?? [])
            {
                if (!touched.Contains(key) && Array.Exists(_reads[key], r => ReferenceEquals(r.Entity, entity) && (r.Members & changed) != 0))
                {
                    touched.Add(key);
                }
            }
        }

        return touched;
    }

    private void Index(TKey key, Read[] reads)
    {
        foreach (var read in reads)
        {
            if (!_readers!.TryGetValue(read.Entity, out var readers))
            {
                _readers[read.Entity] = readers = new HashSet<TKey>(_reads.Comparer);
            }

            readers.Add(key);
        }
    }

    private void Unindex(TKey key)
    {
        foreach (var read in _reads.GetValueOrDefault(key) ?? [])
        {
            _readers!.GetValueOrDefault(read.Entity)?.Remove(key);
        }
    }
}
