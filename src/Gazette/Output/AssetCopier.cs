using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Templates;

namespace Gazette.Output;

/// <summary>Copies the theme's assets (minified) and content's files: photos beside their
/// article in page bundles, anything else at its path under content/.</summary>
internal static class AssetCopier
{
    public static void CopyAll(string siteDirectory, Theme theme, ContentSet content, SiteModel model, bool minify,
        OutputWriter writer, DiagnosticBag diagnostics)
    {
        CopyThemeAssets(siteDirectory, theme, minify, writer, diagnostics);
        CopyContentFiles(siteDirectory, content, model, writer, diagnostics);
    }

    private static void CopyThemeAssets(string siteDirectory, Theme theme, bool minify, OutputWriter writer, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in theme.AssetFolders)
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in SafeFiles.Enumerate(folder))
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (!seen.Add(relative))
                {
                    continue; // the site's asset overrides the theme's
                }

                var target = "assets/" + relative;
                var display = Path.GetRelativePath(siteDirectory, file).Replace('\\', '/');
                var extension = Path.GetExtension(file).ToLowerInvariant();
                if (minify && Minifier.CanMinify(extension) && TextFile.TryRead(file, display, diagnostics, out var text))
                {
                    var minified = Minifier.Minify(text, extension, out var error);
                    if (minified is null)
                    {
                        diagnostics.Warning(DiagnosticCodes.MinifyFailed, new SourceLocation(display, error!.Line, error.Column),
                            $"left unminified, NUglify says: {error.Message}");
                    }

                    writer.WriteText(target, minified ?? text, display);
                }
                else
                {
                    writer.CopyFile(file, target, display);
                }
            }
        }
    }

    private static void CopyContentFiles(string siteDirectory, ContentSet content, SiteModel model, OutputWriter writer, DiagnosticBag diagnostics)
    {
        var contentRoot = Path.Combine(siteDirectory, ContentLoader.ContentFolder);
        var bundleOutput = model.Articles.Concat(model.Pages)
            .Where(d => d.BundleDirectory is not null)
            .ToDictionary(d => d.BundleDirectory!, d => d.OutputPath[..^"index.html".Length], StringComparer.Ordinal);
        foreach (var file in content.StaticFiles)
        {
            var display = Path.GetRelativePath(siteDirectory, file).Replace('\\', '/');
            string target;
            if (FindBundle(file, content.BundleDirectories, contentRoot) is { } bundle)
            {
                if (!bundleOutput.TryGetValue(bundle, out var folder))
                {
                    continue; // a draft or failed article: its photos are not published either
                }

                target = folder + Path.GetRelativePath(bundle, file).Replace('\\', '/');
            }
            else
            {
                target = Path.GetRelativePath(contentRoot, file).Replace('\\', '/');
            }

            if (writer.CopyFile(file, target, display) is { } earlier)
            {
                diagnostics.Error(DiagnosticCodes.OutputCollision, SourceLocation.File(display),
                    $"'{target}' is also written by '{earlier}'; rename one of them");
            }
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
