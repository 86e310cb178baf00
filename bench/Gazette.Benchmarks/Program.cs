using System.Diagnostics;
using Gazette;

// Warm-process benchmark: builds a site several times in one process and prints each phase's
// median, separating Gazette's own cost from JIT warm-up (the first run). Usage:
//   dotnet run -c Release --project bench/Gazette.Benchmarks -- SITE_DIR [RUNS]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Gazette.Benchmarks SITE_DIR [RUNS]");
    return 2;
}

var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var output = Path.Combine(Path.GetTempPath(), "gazette-bench-" + Environment.ProcessId);
var phases = new Dictionary<string, List<double>>();
var totals = new List<double>();
for (var run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    var result = SiteBuilder.Build(new BuildOptions { SourceDirectory = args[0], OutputDirectory = output, Minify = Environment.GetEnvironmentVariable("GAZETTE_MINIFY") != "0" });
    clock.Stop();
    if (!result.Succeeded)
    {
        Console.Error.WriteLine(string.Join("\n", result.Diagnostics.Take(10)));
        return 1;
    }

    Console.WriteLine($"run {run + 1}: {clock.Elapsed.TotalMilliseconds:F0} ms, {result.PagesByKind.Values.Sum()} pages, allocated {GC.GetTotalAllocatedBytes() / 1_000_000} MB so far");
    if (run == 0)
    {
        continue; // the first run pays for JIT
    }

    totals.Add(clock.Elapsed.TotalMilliseconds);
    foreach (var timing in result.Timings)
    {
        (phases.TryGetValue(timing.Phase, out var list) ? list : phases[timing.Phase] = []).Add(timing.Elapsed.TotalMilliseconds);
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
}

Console.WriteLine("warm medians:");
foreach (var (phase, values) in phases)
{
    Console.WriteLine($"  {phase,-10} {Median(values),8:F0} ms");
}

Console.WriteLine($"  {"total",-10} {Median(totals),8:F0} ms");
Directory.Delete(output, recursive: true);
return 0;
