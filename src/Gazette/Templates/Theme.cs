using Gazette.Configuration;
using Gazette.Diagnostics;

namespace Gazette.Templates;

/// <summary>
/// Where the theme's files are. A theme folder holds <c>layouts/</c> (with <c>partials/</c>),
/// <c>assets/</c> and <c>i18n/</c>. The site's own <c>layouts/</c>, <c>assets/</c> and <c>i18n/</c>
/// folders override any theme file with the same relative path.
/// </summary>
internal sealed record Theme(string Name, string Directory, string SiteDirectory)
{
    /// <summary>Most specific first: the site's layouts, then the theme's.</summary>
    public IReadOnlyList<(string Directory, string DisplayPrefix)> LayoutFolders =>
    [
        (Path.Combine(SiteDirectory, "layouts"), "layouts/"),
        (Path.Combine(Directory, "layouts"), $"themes/{Name}/layouts/"),
    ];

    /// <summary>Least specific first: later files' keys win.</summary>
    public IReadOnlyList<(string Directory, string DisplayPrefix)> I18nFolders =>
    [
        (Path.Combine(Directory, "i18n"), $"themes/{Name}/i18n/"),
        (Path.Combine(SiteDirectory, "i18n"), "i18n/"),
    ];

    /// <summary>Most specific first.</summary>
    public IReadOnlyList<string> AssetFolders =>
    [
        Path.Combine(SiteDirectory, "assets"),
        Path.Combine(Directory, "assets"),
    ];

    public static Theme? Locate(string siteDirectory, string name, DiagnosticBag diagnostics)
    {
        var themes = Path.Combine(siteDirectory, "themes");
        var directory = Path.GetFullPath(Path.Combine(themes, name));
        var relative = Path.GetRelativePath(themes, directory);
        if (name.Length == 0 || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || relative.Contains(Path.DirectorySeparatorChar))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, SourceLocation.File(SiteConfigLoader.FileName),
                $"theme '{name}' must be the name of a folder under themes/");
            return null;
        }

        if (!System.IO.Directory.Exists(directory))
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, SourceLocation.File(SiteConfigLoader.FileName),
                $"theme '{name}' not found: there is no folder themes/{name}/ in the site");
            return null;
        }

        return new Theme(name, directory, siteDirectory);
    }
}
