using System.Diagnostics;
using Gazette;

// Warm-process benchmark: builds a site several times in one process and prints each phase's
// median, separating Gazette's own cost from JIT warm-up (the first run). Usage:
//   dotnet run -c Release --project bench/Gazette.Benchmarks -- SITE_DIR [RUNS]
//   dotnet run -c Release --project bench/Gazette.Benchmarks -- SITE_DIR EDITS --edits [--front-matter|--tags|--category|--author|--updated|--date|--date-move]
// The second form is the dev server's loop: one article's text (or, with --front-matter, its
// title; with --tags, its tags: a tag added, then removed; with --category or --author, a new
// category or author, then the old one; with --updated, its update date set, then removed)
// edited EDITS times, each followed by the incremental update.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Gazette.Benchmarks SITE_DIR [RUNS]");
    return 2;
}

var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var output = Path.Combine(Path.GetTempPath(), "gazette-bench-" + Environment.ProcessId);
if (args.Length > 2 && args[2] == "--edits")
{
    var edit = args.Contains("--tags") ? EditKind.Tags : args.Contains("--updated") ? EditKind.Updated
        : args.Contains("--category") ? EditKind.Category : args.Contains("--author") ? EditKind.Author
        : args.Contains("--front-matter") ? EditKind.Title : args.Contains("--date") ? EditKind.Date : args.Contains("--date-move") ? EditKind.DateMove : EditKind.Text;
    return Edits(args[0], runs, output, edit);
}
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

// The dev server's loop: one full build, then N edits of one article, each followed by the
// incremental update the server runs; prints the median update time and what it rewrote.
static int Edits(string site, int edits, string output, EditKind edit)
{
    var session = new SiteSession(new BuildOptions { SourceDirectory = site, OutputDirectory = output });
    var first = session.Build();
    if (!first.Succeeded)
    {
        Console.Error.WriteLine(string.Join("\n", first.Diagnostics.Take(10)));
        return 1;
    }

    var article = Directory.EnumerateFiles(Path.Combine(site, "content"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Skip(7).First();
    var original = File.ReadAllText(article);
    var times = new List<double>();
    try
    {
        for (var i = 0; i < edits; i++)
        {
            File.WriteAllText(article, edit switch
            {
                EditKind.Title => original.Replace("title: \"", $"title: \"Édition {i} – ", StringComparison.Ordinal),
                EditKind.Tags when i % 2 == 0 => original.Replace("tags: [", "tags: [\"édition\", ", StringComparison.Ordinal),
                EditKind.Tags => original,
                EditKind.Updated when i % 2 == 0 => original.Replace("\ntags:", "\nupdated: 2026-11-27T09:00:00Z\ntags:", StringComparison.Ordinal),
                EditKind.Updated => original,
                EditKind.Category when i % 2 == 0 => System.Text.RegularExpressions.Regex.Replace(original, "\ncategory: .*\n", "\ncategory: \"Édition\"\n"),
                EditKind.Category => original,
                EditKind.Author when i % 2 == 0 => System.Text.RegularExpressions.Regex.Replace(original, "\nauthor: .*\n", "\nauthor: \"Édition Auteur\"\n"),
                EditKind.Author => original,
                EditKind.Date when i % 2 == 0 => System.Text.RegularExpressions.Regex.Replace(original, @"\ndate: (\d{4}-\d\d-\d\dT\d\d:\d)\d", "\ndate: ${1}9"),
                EditKind.Date => original,
                EditKind.DateMove when i % 2 == 0 => System.Text.RegularExpressions.Regex.Replace(original, @"\ndate: (\d{4}-\d\d)-\d\dT", "\ndate: ${1}-15T"),
                EditKind.DateMove => original,
                _ => original + $"\n\nÉdition {i}.\n",
            });
            var clock = Stopwatch.StartNew();
            var result = session.Update([article]);
            clock.Stop();
            times.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine($"edit {i + 1}: {clock.Elapsed.TotalMilliseconds:F1} ms, incremental={result.Incremental}, {result.RenderedPages.Count} pages rendered, {result.ChangedFiles.Count} files rewritten ({string.Join(", ", result.Timings.Select(t => $"{t.Phase} {t.Elapsed.TotalMilliseconds:F0}"))})");
        }
    }
    finally
    {
        File.WriteAllText(article, original);
        Directory.Delete(output, recursive: true);
    }

    Console.WriteLine($"median update after one edit: {Median(times):F1} ms over {edits} edits");
    return 0;
}

internal enum EditKind
{
    Text,
    Title,
    Tags,
    Updated,
    Category,
    Author,
    Date,
    DateMove,
}
