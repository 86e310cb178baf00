using Gazette.Configuration;
using Gazette.Diagnostics;

namespace Gazette.Templates;

/// <summary>
/// Where the theme's files are. A theme folder holds <c>layouts/</c> (with <c>partials/</c>),
/// <c>assets/</c> and <c>i18n/</c>. The site's own <c>layouts/</c>, <c>assets/</c> and <c>i18n/</c>
/// folders override any theme file with the same relative path. The theme is the site's
/// <c>themes/NAME/</c>, else Gazette's own <c>themes/NAME/</c> (the one beside <c>build.ps1</c>),
/// so a site of one's own needs no copy of the theme, and gets its updates with Gazette's.
/// </summary>
/// <param name="DisplayPrefix">How its files are named in diagnostics: <c>themes/NAME/</c> in the
/// site, else the folder's full path.</param>
internal sealed record Theme(string Name, string Directory, string SiteDirectory, string DisplayPrefix)
{
    /// <summary>Most specific first: the site's layouts, then the theme's.</summary>
    public IReadOnlyList<(string Directory, string DisplayPrefix)> LayoutFolders =>
    [
        (Path.Combine(SiteDirectory, "layouts"), "layouts/"),
        (Path.Combine(Directory, "layouts"), DisplayPrefix + "layouts/"),
    ];

    /// <summary>Least specific first: later files' keys win.</summary>
    public IReadOnlyList<(string Directory, string DisplayPrefix)> I18nFolders =>
    [
        (Path.Combine(Directory, "i18n"), DisplayPrefix + "i18n/"),
        (Path.Combine(SiteDirectory, "i18n"), "i18n/"),
    ];

    /// <summary>Most specific first.</summary>
    public IReadOnlyList<string> AssetFolders =>
    [
        Path.Combine(SiteDirectory, "assets"),
        Path.Combine(Directory, "assets"),
    ];

    /// <param name="gazetteThemes">Gazette's own themes folder, looked in when the site has no
    /// folder of that name; null when not known (the engine used on its own).</param>
    public static Theme? Locate(string siteDirectory, string name, string? gazetteThemes, DiagnosticBag diagnostics)
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

        if (System.IO.Directory.Exists(directory))
        {
            return new Theme(name, directory, siteDirectory, $"themes/{name}/");
        }

        if (gazetteThemes is not null && Path.GetFullPath(Path.Combine(gazetteThemes, name)) is var own && System.IO.Directory.Exists(own))
        {
            return new Theme(name, own, siteDirectory, own.Replace('\\', '/') + "/");
        }

        diagnostics.Error(DiagnosticCodes.ConfigInvalid, SourceLocation.File(SiteConfigLoader.FileName),
            gazetteThemes is null
                ? $"theme '{name}' not found: there is no folder themes/{name}/ in the site"
                : $"theme '{name}' not found: there is no folder themes/{name}/ in the site nor in Gazette's themes ({gazetteThemes}); check 'theme:' in site.yml");
        return null;
    }
}
