using System.Security.Cryptography;

namespace Gazette.Tests.Support;

/// <summary>Every file of an output folder with the hash of its bytes, to compare two builds.</summary>
public static class OutputSnapshot
{
    public static Dictionary<string, string> Of(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
