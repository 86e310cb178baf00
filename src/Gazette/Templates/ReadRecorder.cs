using System.Runtime.InteropServices;
using Gazette.Model;

namespace Gazette.Templates;

/// <summary>
/// What one page's templates read of the model: per document, term, taxonomy and the site's
/// lists, the bits of the members read (<see cref="ModelMembers"/>). Whatever a theme reads, and
/// however it reaches it (<c>page.previous.previous.title</c>, <c>site.tags.terms</c>), the read
/// passes through the model's accessors and is written here.
/// </summary>
internal sealed class ReadRecorder
{
    private readonly Dictionary<object, ulong> _reads = new(ReferenceEqualityComparer.Instance);

    public void Read(object entity, int member)
    {
        ref var members = ref CollectionsMarshal.GetValueRefOrAddDefault(_reads, entity, out _);
        members |= 1UL << member;
    }

    /// <summary>Adds reads made elsewhere (a cached partial's, when its copy is used).</summary>
    public void Add(IReadOnlyList<Read> reads)
    {
        foreach (var read in reads)
        {
            ref var members = ref CollectionsMarshal.GetValueRefOrAddDefault(_reads, read.Entity, out _);
            members |= read.Members;
        }
    }

    /// <summary>The reads so far, and the recorder emptied for the next page.</summary>
    public Read[] Take()
    {
        var reads = new Read[_reads.Count];
        var i = 0;
        foreach (var (entity, members) in _reads)
        {
            reads[i++] = new Read(entity, members);
        }

        _reads.Clear();
        return reads;
    }
}
