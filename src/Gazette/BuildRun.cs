using System.Diagnostics;
using Gazette.Diagnostics;

namespace Gazette;

/// <summary>The diagnostics and timings of one build or update.</summary>
internal sealed class BuildRun(BuildOptions options)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<PhaseTiming> _timings = [];
    private long _allocatedBefore = GC.GetTotalAllocatedBytes();
    private TimeSpan _pausedBefore = GC.GetTotalPauseDuration();

    public DiagnosticBag Diagnostics { get; } = new();

    public bool Failed => Diagnostics.HasErrors || (options.Strict && Diagnostics.ToList().Count > 0);

    public void Phase(string name)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var timing = new PhaseTiming(name, _clock.Elapsed, allocated - _allocatedBefore, GC.GetGCMemoryInfo().HeapSizeBytes, paused - _pausedBefore);
        _timings.Add(timing);
        options.Progress?.Report(name);
        _allocatedBefore = allocated;
        _pausedBefore = paused;
        _clock.Restart();
    }

    public BuildResult Result(string? output, Dictionary<string, int>? pages = null, int files = 0) =>
        new(Diagnostics.ToSortedList(), output, pages ?? [], files, _timings, options.Strict);
}
