using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Model;
using Gazette.Templates;
using Gazette.Text;

namespace Gazette.Output;

/// <summary>Copies the theme's assets (minified) and content's files: photos beside their
/// article in page bundles, anything else at its path under content/.</summary>
internal static class AssetCopier
{
    /// <param name="contentFiles">The files of content/ and where each is published (<see cref="ContentTargets"/>).</param>
    /// <param name="photos">Publishes a photo of content/ as its resized files (null: as written).</param>
    public static void CopyAll(string siteDirectory, Theme theme, IReadOnlyList<(string File, string Target)> contentFiles, bool minify,
        OutputWriter writer, DiagnosticBag diagnostics, Func<string, string, PublishedPhoto?>? photos = null)
    {
        CopyThemeAssets(siteDirectory, theme, minify, writer, diagnostics);
        CopyContentFiles(siteDirectory, contentFiles, writer, diagnostics, photos);
    }

    /// <summary>Copies assets to <c>/assets/</c>, the site's files first (they override the theme's).
    /// The files of a folder named <c>&lt;name&gt;.bundle</c> are joined, in name order, into one file
    /// <c>&lt;name&gt;</c> (<c>css/main.css.bundle/10-tokens.css</c>… → <c>css/main.css</c>): a theme keeps its
    /// CSS in small files and readers download one.</summary>
    private static void CopyThemeAssets(string siteDirectory, Theme theme, bool minify, OutputWriter writer, DiagnosticBag diagnostics)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in theme.AssetFolders.Where(Directory.Exists))
        {
            foreach (var file in SafeFiles.Enumerate(folder))
            {
                files.TryAdd(Path.GetRelativePath(folder, file).Replace('\\', '/'), file);
            }
        }

        var bundles = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (relative, file) in files)
        {
            var bundle = BundleOf(relative);
            if (bundle is not null)
            {
                (bundles.TryGetValue(bundle, out var parts) ? parts : bundles[bundle] = []).Add(file);
                continue;
            }

            var display = Path.GetRelativePath(siteDirectory, file).Replace('\\', '/');
            var extension = Path.GetExtension(file).ToLowerInvariant();
            if (minify && Minifier.CanMinify(extension) && TextFile.TryRead(file, display, diagnostics, out var text))
            {
                writer.WriteText("assets/" + relative, MinifyOrKeep(text, extension, display, diagnostics), display);
            }
            else
            {
                writer.CopyFile(file, "assets/" + relative, display);
            }
        }

        foreach (var (bundle, parts) in bundles)
        {
            var text = new System.Text.StringBuilder();
            foreach (var part in parts)
            {
                var display = Path.GetRelativePath(siteDirectory, part).Replace('\\', '/');
                if (TextFile.TryRead(part, display, diagnostics, out var content))
                {
                    text.Append(content).Append('\n');
                }
            }

            var extension = Path.GetExtension(bundle).ToLowerInvariant();
            var joined = text.ToString();
            writer.WriteText("assets/" + bundle, minify && Minifier.CanMinify(extension)
                ? MinifyOrKeep(joined, extension, "assets/" + bundle, diagnostics)
                : joined, "assets/" + bundle);
        }
    }

    /// <summary><c>css/main.css.bundle/10-tokens.css</c> → <c>css/main.css</c>; null outside a bundle.</summary>
    private static string? BundleOf(string relative)
    {
        var parts = relative.Split('/');
        for (var i = parts.Length - 2; i >= 0; i--)
        {
            if (parts[i].EndsWith(".bundle", StringComparison.Ordinal))
            {
                return string.Join('/', parts[..i].Append(parts[i][..^".bundle".Length]));
            }
        }

        return null;
    }

    private static string MinifyOrKeep(string text, string extension, string display, DiagnosticBag diagnostics)
    {
        var minified = Minifier.Minify(text, extension, out var error);
        if (minified is null)
        {
            diagnostics.Warning(DiagnosticCodes.MinifyFailed, new SourceLocation(display, error!.Line, error.Column),
                $"left unminified, NUglify says: {error.Message}");
        }

        return minified ?? text;
    }

    /// <summary>Where each file of content/ is published: beside its article in a page bundle,
    /// anything else at its path under content/; the files of a draft or failed article are not.</summary>
    /// <param name="documents">The site's documents: a bundle's files go beside each of its pages
    /// (its translations in other languages share them).</param>
    public static List<(string File, string Target)> ContentTargets(string siteDirectory, ContentSet content, IEnumerable<Document> documents)
    {
        var contentRoot = Path.Combine(siteDirectory, ContentLoader.ContentFolder);
        var bundleOutput = documents
            .Where(d => d.BundleDirectory is not null)
            .ToLookup(d => d.BundleDirectory!, d => d.OutputPath[..^"index.html".Length], StringComparer.Ordinal);
        var targets = new List<(string, string)>(content.StaticFiles.Count);
        foreach (var file in content.StaticFiles)
        {
            if (FindBundle(file, content.BundleDirectories, contentRoot) is { } bundle)
            {
                foreach (var folder in bundleOutput[bundle])
                {
                    targets.Add((file, folder + Path.GetRelativePath(bundle, file).Replace('\\', '/')));
                }
            }
            else
            {
                targets.Add((file, Path.GetRelativePath(contentRoot, file).Replace('\\', '/')));
            }
        }

        return targets;
    }

    private static void CopyContentFiles(string siteDirectory, IReadOnlyList<(string File, string Target)> contentFiles, OutputWriter writer,
        DiagnosticBag diagnostics, Func<string, string, PublishedPhoto?>? photos)
    {
        foreach (var (file, target) in contentFiles)
        {
            var display = Path.GetRelativePath(siteDirectory, file).Replace('\\', '/');
            if (photos?.Invoke(file, target) is { } photo)
            {
                // Its resized files, never the file itself (its camera metadata stays home). A photo
                // that could not be processed is an error already.
                foreach (var (output, cached) in photo.Result?.Files ?? [])
                {
                    Claim(writer.CopyFile(cached, output.RelativePath, display), output.RelativePath, display, diagnostics);
                }

                continue;
            }

            Claim(writer.CopyFile(file, target, display), target, display, diagnostics);
        }
    }

    private static void Claim(string? earlier, string target, string display, DiagnosticBag diagnostics)
    {
        if (earlier is not null)
        {
            diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(display),
                $"'{target}' is also written by '{earlier}'; rename one of them");
        }
    }

    private static string? FindBundle(string file, IReadOnlySet<string> bundles, string contentRoot)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length > contentRoot.Length;
             directory = Path.GetDirectoryName(directory))
        {
            if (bundles.Contains(directory))
            {
                return directory;
            }
        }

        return null;
    }
}
