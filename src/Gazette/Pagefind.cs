using System.Runtime.InteropServices;

namespace Gazette;

/// <summary>Where Pagefind's program is: npm installs it from Gazette's package.json into
/// node_modules/, the binary of this machine's platform, which runs without Node.js.</summary>
public static class Pagefind
{
    /// <summary>The program in <paramref name="gazetteFolder"/>'s node_modules/, or the one the
    /// GAZETTE_PAGEFIND variable names; else why the site will have no search, and how to get it.</summary>
    public static (string? Program, string? Why) Find(string? gazetteFolder)
    {
        if (Environment.GetEnvironmentVariable("GAZETTE_PAGEFIND") is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? (chosen, null) : (null, $"GAZETTE_PAGEFIND names '{chosen}', which does not exist");
        }

        if (gazetteFolder is null)
        {
            return (null, "Pagefind is not installed beside this program; set GAZETTE_PAGEFIND to its path");
        }

        var platform = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";
        var architecture = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        var folder = Path.Combine(gazetteFolder, "node_modules", "@pagefind", $"{platform}-{architecture}", "bin");
        foreach (var name in new[] { "pagefind_extended", "pagefind" })
        {
            var program = Path.Combine(folder, OperatingSystem.IsWindows() ? name + ".exe" : name);
            if (File.Exists(program))
            {
                return (program, null);
            }
        }

        return (null, $"Pagefind is not installed; install Node.js and run ./build.ps1, which runs 'npm ci' in {gazetteFolder} once (Node.js installs it; builds do not need it)");
    }
}
