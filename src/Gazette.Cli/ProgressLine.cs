using System.Diagnostics;

namespace Gazette.Cli;

/// <summary>On a terminal, a one-line progress display for builds that last more than a
/// second; nothing when the output is redirected or in CI, where plain lines are wanted.</summary>
internal sealed class ProgressLine : IProgress<string>
{
    private static bool _shown;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _enabled = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null or "" or "false";

    public void Report(string value)
    {
        if (_enabled && _clock.Elapsed > TimeSpan.FromSeconds(1))
        {
            Console.Error.Write($"\r  {_clock.Elapsed.TotalSeconds,5:F1} s  {value,-12} done");
            _shown = true;
        }
    }

    public static void Clear()
    {
        if (_shown)
        {
            Console.Error.Write("\r" + new string(' ', 40) + "\r");
            _shown = false;
        }
    }
}
