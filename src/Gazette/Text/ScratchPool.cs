using System.Collections.Concurrent;

namespace Gazette.Text;

/// <summary>
/// Objects that are costly to make and hold nothing from one use to the next (buffers, renderers
/// set up once), reused by the threads of one build: each use rents one and gives it back. Owned
/// by the build's objects, so nothing is shared between builds or kept in a static.
/// </summary>
internal sealed class ScratchPool<T>(Func<T> create)
    where T : class
{
    private readonly ConcurrentBag<T> _free = [];

    public T Rent() => _free.TryTake(out var item) ? item : create();

    /// <summary>Gives back an object in a state fit for its next use (one left half-used is dropped instead).</summary>
    public void Return(T item) => _free.Add(item);
}
