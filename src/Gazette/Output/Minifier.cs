using NUglify;
using NUglify.Html;

namespace Gazette.Output;

/// <summary>Minifies HTML, CSS and JS with NUglify. On any NUglify error the original text is
/// kept (a page is never lost to the minifier) and the caller warns.</summary>
internal static class Minifier
{
    private static readonly HtmlSettings HtmlSettings = CreateHtmlSettings();

    private static HtmlSettings CreateHtmlSettings()
    {
        var settings = new HtmlSettings();
        settings.RemoveOptionalTags = false;
        settings.RemoveAttributeQuotes = false;
        settings.RemoveComments = true;
        settings.CollapseWhitespaces = true;
        settings.MinifyJs = false; // keep JSON-LD and inline scripts exactly as the theme wrote them
        // The theme's CSS is a file minified once; inline styles and script attributes are
        // not worth a CSS/JS parser run on every page.
        settings.MinifyCss = false;
        settings.MinifyCssAttributes = false;
        settings.MinifyJsAttributes = false;
        return settings;
    }

    /// <summary>A NUglify error with its position in the minified file (1-based).</summary>
    public sealed record MinifyError(string Message, int Line, int Column);

    /// <summary>Returns the minified text, or null with NUglify's first message when it failed.</summary>
    public static string? Minify(string text, string extension, out MinifyError? error)
    {
        UglifyResult result = extension switch
        {
            ".html" => Uglify.Html(text, HtmlSettings),
            ".css" => Uglify.Css(text),
            ".js" => Uglify.Js(text),
            _ => throw new ArgumentOutOfRangeException(nameof(extension), extension, "not minifiable"),
        };

        if (result.HasErrors)
        {
            var first = result.Errors.FirstOrDefault(e => e.IsError) ?? result.Errors[0];
            error = new MinifyError(first.Message, first.StartLine, first.StartColumn);
            return null;
        }

        error = null;
        return result.Code;
    }

    public static bool CanMinify(string extension) => extension is ".html" or ".css" or ".js";
}
