namespace Gazette.Output;

/// <summary>
/// One build at a time per output folder: an exclusive lock on the file <c>.&lt;name&gt;.lock</c>
/// beside it, held from before the folder is judged until its swap. The operating system releases
/// the lock when its process ends, however it ends, so a killed build leaves no stale lock: the
/// file stays, the lock does not. (An exclusive share mode is a real lock on Windows and an
/// advisory <c>flock</c> on Linux and macOS, which every Gazette honours.)
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private readonly FileStream _file;

    private OutputLock(FileStream file, string path)
    {
        _file = file;
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>The lock file of an output folder: a sibling of it, like its staging folder.</summary>
    public static string PathFor(string outputDirectory)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        return Path.Combine(Path.GetDirectoryName(output) ?? output, "." + Path.GetFileName(output) + ".lock");
    }

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for another build to end
    /// (<paramref name="waiting"/> is told once when it has to). Null when it is still held then.</summary>
    public static OutputLock? Acquire(string outputDirectory, TimeSpan wait, Action? waiting = null)
    {
        var path = PathFor(outputDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new OutputLock(file, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Held by another build (a sharing violation): wait for it, a tenth of a second at a time.
                if (DateTime.UtcNow >= deadline)
                {
                    return null;
                }

                if (!told)
                {
                    waiting?.Invoke();
                    told = true;
                }

                Thread.Sleep(100);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
