using System.Globalization;
using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Markdown;
using Gazette.Model;
using Gazette.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Gazette.Templates;

/// <summary>
/// The theme's Scriban templates, parsed once per build, and the functions they may call.
/// Layouts live in <c>layouts/</c> (partials in <c>layouts/partials/</c>) of the theme; a file
/// with the same relative path in the site's own <c>layouts/</c> folder replaces the theme's.
/// </summary>
internal sealed class TemplateRenderer
{
    private const int MaxPartialDepth = 32;

    private readonly Dictionary<string, ThemeTemplate> _templates;

    private readonly IReadOnlyDictionary<string, Localizer> _localizers;
    private readonly string _defaultLanguage;
    private readonly SiteUrls _urls;
    private readonly Dictionary<string, ScriptObject> _functionsByLanguage = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;

    // Contexts reused page after page: creating one builds Scriban's whole builtin library, which
    // costs more than rendering a page.
    private readonly ScratchPool<HtmlTemplateContext> _contexts = new(() => new HtmlTemplateContext());

    private TemplateRenderer(Dictionary<string, ThemeTemplate> templates, IReadOnlyDictionary<string, Localizer> localizers,
        string defaultLanguage, SiteUrls urls, SiteObject site, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _templates = templates;
        _localizers = localizers;
        _defaultLanguage = defaultLanguage;
        _urls = urls;
        Site = site;
    }

    /// <summary>The <c>site</c> object templates see; the builder adds the article lists to it
    /// once the model is resolved.</summary>
    public SiteObject Site { get; }

    /// <param name="minify">Collapse the whitespace of the templates' own HTML (see <see cref="TemplateWhitespace"/>).</param>
    /// <param name="layoutFolders">Folders holding layouts, most specific first (site, then theme),
    /// each with the prefix used to show its files in diagnostics.</param>
    public static TemplateRenderer Load(IReadOnlyList<(string Directory, string DisplayPrefix)> layoutFolders,
        IReadOnlyDictionary<string, Localizer> localizers, string defaultLanguage, SiteUrls urls, SiteObject site,
        DiagnosticBag diagnostics, bool minify = false, HtmlSpill? spill = null)
    {
        var templates = new Dictionary<string, ThemeTemplate>(StringComparer.Ordinal);
        foreach (var (directory, prefix) in layoutFolders)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in SafeFiles.Enumerate(directory, "*.html"))
            {
                var name = Path.GetRelativePath(directory, file).Replace('\\', '/');
                if (templates.ContainsKey(name))
                {
                    continue; // the site's own layout already overrides the theme's
                }

                var display = prefix + name;
                if (!TextFile.TryRead(file, display, diagnostics, out var text))
                {
                    continue;
                }

                var template = Template.Parse(text, display);
                if (template.HasErrors)
                {
                    foreach (var message in template.Messages)
                    {
                        diagnostics.Error(DiagnosticCodes.TemplateSyntax, Location(message.Span),
                            $"template syntax: {message.Message}");
                    }

                    continue;
                }

                if (minify)
                {
                    TemplateWhitespace.Collapse(template);
                }

                templates[name] = new ThemeTemplate(name, display, template);
            }
        }

        return new TemplateRenderer(templates, localizers, defaultLanguage, urls, site, diagnostics) { _spill = spill };
    }

    public bool HasLayout(string name) => _templates.ContainsKey(name);

    /// <summary>Renders a layout, then wraps it in <c>baseof.html</c> (when the theme has one)
    /// as <c>content</c>, into <paramref name="output"/>. Returns false after reporting a template error.</summary>
    /// <param name="errorContext">The page being rendered, named in error messages.</param>
    /// <param name="reads">Where what the page reads of the model is recorded.</param>
    public bool RenderPage(string layout, IReadOnlyDictionary<string, object?> globals, string language,
        string errorContext, DiagnosticBag diagnostics, HtmlBuffer output, ReadRecorder? reads = null)
    {
        if (!_templates.TryGetValue(layout, out var template))
        {
            diagnostics.Error(DiagnosticCodes.TemplateMissing, SourceLocation.File(errorContext),
                $"the theme has no layout '{layout}'; add layouts/{layout} to the theme or to the site's layouts/ folder");
            return false;
        }

        var context = _contexts.Rent();
        context.PageLanguage = language;
        context.Theme = this;
        context.Reads = reads;
        context.PushGlobal(FunctionsFor(language));
        var page = new ScriptObject();
        foreach (var (key, value) in globals)
        {
            page[key] = value;
        }

        page["site"] = globals.TryGetValue("site", out var edition) ? edition : Site; // another language's edition has its own
        page["lang"] = language;
        context.PushGlobal(page);
        var clean = false;
        try
        {
            if (_templates.TryGetValue("baseof.html", out var baseof))
            {
                var layoutOutput = context.RentBuffer();
                try
                {
                    RenderInto(template, context, layoutOutput);
                    page["content"] = HtmlString.Borrow(layoutOutput);
                    RenderInto(baseof, context, output);
                }
                finally
                {
                    context.ReturnBuffer();
                }
            }
            else
            {
                RenderInto(template, context, output);
            }

            clean = true;
            return true;
        }
        catch (ScriptRuntimeException e)
        {
            Report(e, errorContext, diagnostics);
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException
            or InvalidCastException or DivideByZeroException or NullReferenceException or IndexOutOfRangeException)
        {
            diagnostics.Error(DiagnosticCodes.TemplateRuntime, SourceLocation.File(template.DisplayPath),
                $"template failed while rendering {errorContext}: {e.Message}");
            return false;
        }
        finally
        {
            context.Reads = null;
            if (clean)
            {
                context.PopGlobal();
                context.PopGlobal();
                _contexts.Return(context); // a failed render may leave its context half-unwound: it is dropped
            }
        }
    }

    /// <summary>Renders <c>partials/{name}.html</c> outside of a page (the cover, review box and
    /// sources line of a feed's full content); empty when the theme has no such partial.</summary>
    public string RenderPartial(string name, object model, string language) =>
        !_templates.ContainsKey($"partials/{name}.html") ? ""
            : RenderOutsidePage(language, $"the {name} partial in a feed", context => Partial(context, default, name, model)!.Value);

    /// <summary>An article's body outside of a page (a feed's full content), its places filled as on its page.</summary>
    public string RenderBody(ArticleBody body) =>
        body.Places.Count == 0 ? body.Pieces[0].Value : RenderOutsidePage(body.Language, "an article in a feed", context => WriteBodyToString(context, body));

    /// <summary>
    /// Prints an article's body into a page: the HTML Markdown made, with each of its places filled
    /// by the theme as the page renders (so its partials see the page's whole <c>site</c>, and
    /// what they read is recorded for the page): a figure by <c>partials/figure.html</c>, the
    /// review box by <c>partials/review-box.html</c>.
    /// </summary>
    internal void WriteBody(HtmlTemplateContext context, ArticleBody body, HtmlBuffer output)
    {
        if (body.Places.Count > 0 && body.Language != context.PageLanguage)
        {
            output.Append(RenderBody(body)); // its figures speak its language, not the page's
            return;
        }

        for (var i = 0; i < body.Places.Count; i++)
        {
            body.Pieces[i].WriteTo(output);
            switch (body.Places[i])
            {
                case Figure figure:
                    Partial(context, default, "figure", figure, printedWhereCalled: true);
                    break;
                case Markdown.Videos.Video video when !_templates.ContainsKey("partials/video.html"):
                    // A theme without a video partial shows the link the author wrote.
                    output.Append($"<p><a href=\"{Html.Escape(video.Url)}\">{Html.Escape(video.HasTitle ? video.Title : video.Url)}</a></p>");
                    break;
                case Markdown.Videos.Video video:
                    Partial(context, default, "video", video, printedWhereCalled: true);
                    break;
                default:
                    Partial(context, default, "review-box", body.Review, printedWhereCalled: true);
                    break;
            }

            output.Append("\n"); // the line Markdown ends each block with
        }

        body.Pieces[^1].WriteTo(output);
    }

    private static string WriteBodyToString(HtmlTemplateContext context, ArticleBody body)
    {
        var buffer = context.RentBuffer();
        context.PushOutput(buffer);
        try
        {
            context.Theme!.WriteBody(context, body, buffer);
            return buffer.ToString();
        }
        finally
        {
            context.PopOutput();
            context.ReturnBuffer();
        }
    }

    /// <summary>Renders outside of a page, with the site and the functions of a language; a
    /// template error is reported and renders nothing.</summary>
    private string RenderOutsidePage(string language, string what, Func<HtmlTemplateContext, string> render)
    {
        var context = _contexts.Rent();
        context.PageLanguage = language;
        context.Theme = this;
        context.PushGlobal(FunctionsFor(language));
        var globals = new ScriptObject { ["site"] = Site, ["lang"] = language, ["kind"] = "feed" };
        context.PushGlobal(globals);
        try
        {
            return render(context);
        }
        catch (ScriptRuntimeException e)
        {
            Report(e, what, _diagnostics);
            return "";
        }
        finally
        {
            context.PopGlobal();
            context.PopGlobal();
            _contexts.Return(context);
        }
    }

    /// <summary>Renders a template on its own (a partial, a layout) and returns its HTML, kept as
    /// UTF-8: a cached card is copied into each page that shows it as it is.</summary>
    private static HtmlString Render(ThemeTemplate template, HtmlTemplateContext context)
    {
        var buffer = context.RentBuffer();
        try
        {
            RenderInto(template, context, buffer);
            return HtmlString.FromUtf8(buffer.Utf8);
        }
        finally
        {
            context.ReturnBuffer();
        }
    }

    /// <summary>Evaluates a template with its text going to <paramref name="output"/> (what
    /// <c>Template.Render</c> does, without turning the output into a string).</summary>
    private static void RenderInto(ThemeTemplate template, HtmlTemplateContext context, HtmlBuffer output)
    {
        context.PushOutput(output);
        try
        {
            var page = template.Template.Page;
            if (page is not null && context.Evaluate(page) is { } result)
            {
                context.Write(page.Span, result);
            }
        }
        finally
        {
            context.PopOutput();
        }
    }

    /// <summary><c>{{ partial "figure" model }}</c>: renders <c>partials/figure.html</c> with
    /// <c>model</c> set, and returns its HTML as trusted (it was escaped as it was written).</summary>
    /// <param name="printedWhereCalled">The call is a statement of its own, whose value would be
    /// printed at once: the partial then writes straight into the page and returns nothing (no
    /// string per partial). Assigned, piped or compared, it returns its HTML.</param>
    /// <param name="variant">What <c>partial_cached</c> was given as its variant, which the partial sees as <c>variant</c>.</param>
    private HtmlString? Partial(TemplateContext context, SourceSpan span, string name, object? model = null, bool printedWhereCalled = false,
        string? variant = null)
    {
        var htmlContext = (HtmlTemplateContext)context;
        var key = _partialKeys.GetOrAdd(name, static name => "partials/" + name + (name.EndsWith(".html", StringComparison.Ordinal) ? "" : ".html"));
        if (name.Contains("..", StringComparison.Ordinal) || !_templates.TryGetValue(key, out var template))
        {
            throw new ScriptRuntimeException(span,
                $"partial '{name}' not found; partials are files in layouts/partials/ of the theme or the site");
        }

        if (htmlContext.PartialDepth >= MaxPartialDepth)
        {
            throw new ScriptRuntimeException(span, $"partials nested more than {MaxPartialDepth} deep; does '{name}' include itself?");
        }

        var scope = htmlContext.PartialScope(htmlContext.PartialDepth++);
        scope["model"] = model;
        scope["variant"] = variant;
        context.PushGlobal(scope);
        try
        {
            if (printedWhereCalled && htmlContext.Output is HtmlBuffer page)
            {
                RenderInto(template, htmlContext, page);
                return null;
            }

            return Render(template, htmlContext);
        }
        catch (ScriptRuntimeException inner) when (span.FileName is not null)
        {
            throw new ScriptRuntimeException(span, $"in partial '{name}'", inner);
        }
        finally
        {
            context.PopGlobal();
            scope.Clear(); // what the partial assigned must not be seen by the next one
            htmlContext.PartialDepth--;
        }
    }

    /// <summary>
    /// <c>{{ partial_cached "article-card" article }}</c>: like <c>partial</c>, but rendered once per
    /// build for each model, language and optional variant, then reused (Hugo's <c>partialCached</c>).
    /// For partials whose output depends only on their model, the language and <c>site</c>: a card
    /// shown on twenty list pages is rendered once.
    /// </summary>
    private HtmlString PartialCached(TemplateContext context, SourceSpan span, string name, object? model, string? variant)
    {
        var htmlContext = (HtmlTemplateContext)context;
        var key = new CachedPartialKey(name, model, htmlContext.PageLanguage, variant);
        if (!_cachedPartials.TryGetValue(key, out var cached))
        {
            // What the partial reads is kept with it, and is read by every page showing its copy
            // (when pages record what they read).
            var page = htmlContext.Reads;
            htmlContext.Reads = page is null ? null : new ReadRecorder();
            try
            {
                var html = Partial(context, span, name, model, variant: variant)!;
                html = _spill?.Keep(html.ToUtf8()) ?? html;
                // Two pages rendering the same card at once both render it: both show the copy cached first,
                // so every page shows the same one (a test's partial prints the page it was rendered for).
                var rendered = new CachedPartial(html, htmlContext.Reads?.Take() ?? []);
                cached = _cachedPartials.GetOrAdd(key, rendered);
                if (page is not null && ReferenceEquals(cached, rendered))
                {
                    _newlyCached.Enqueue(key);
                }
            }
            finally
            {
                htmlContext.Reads = page;
            }
        }

        htmlContext.Reads?.Add(cached.Reads);
        return cached.Html;
    }

    /// <summary>Forgets the cached partials that read what <paramref name="change"/> changed.</summary>
    public void Forget(ModelChange change)
    {
        while (_newlyCached.TryDequeue(out var key))
        {
            if (_cachedPartials.TryGetValue(key, out var cached))
            {
                _cachedReads.Set(key, cached.Reads);
            }
        }

        foreach (var key in _cachedReads.Touched(change))
        {
            _cachedPartials.TryRemove(key, out _);
            _cachedReads.Remove(key);
        }
    }

    // What each cached partial read, indexed by what it read (Forget's question); the partials
    // cached while pages render (in parallel) wait in the queue until then.
    private readonly ReadIndex<CachedPartialKey> _cachedReads = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<CachedPartialKey> _newlyCached = new();

    private sealed record CachedPartial(HtmlString Html, Read[] Reads);

    // Where the cached partials go past the build's budget of HTML in memory (a card per article).
    private HtmlSpill? _spill;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<CachedPartialKey, CachedPartial> _cachedPartials = new();

    // "article-card" → "partials/article-card.html", made once rather than at every call.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _partialKeys = new(StringComparer.Ordinal);

    /// <summary>The model is compared by reference: the same document object is the same card.</summary>
    private readonly record struct CachedPartialKey(string Name, object? Model, string Language, string? Variant)
    {
        public bool Equals(CachedPartialKey other) =>
            ReferenceEquals(Model, other.Model) && Name == other.Name && Language == other.Language && Variant == other.Variant;

        public override int GetHashCode() =>
            HashCode.Combine(Name, Model is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Model), Language, Variant);
    }

    private ScriptObject FunctionsFor(string language)
    {
        lock (_functionsByLanguage)
        {
            if (_functionsByLanguage.TryGetValue(language, out var existing))
            {
                return existing;
            }

            var localizer = Localizer(language);
            var functions = new ScriptObject();
            void Add(TemplateFunction function, string name) => functions.SetValue(name, function, readOnly: true);
            Add(new TemplateFunction("partial", 1, 2, typeof(HtmlString), (context, caller, args) =>
                Partial(context, TemplateFunction.Position(caller), TemplateFunction.Text(context, caller, args, 0, "partial"), args.Count > 1 ? args[1] : null,
                    printedWhereCalled: caller?.Parent is Scriban.Syntax.ScriptExpressionStatement)), "partial");
            Add(new TemplateFunction("include", 1, 2, typeof(HtmlString), (context, caller, args) =>
                Partial(context, TemplateFunction.Position(caller), TemplateFunction.Text(context, caller, args, 0, "include"), args.Count > 1 ? args[1] : null)), "include");
            Add(new TemplateFunction("partial_cached", 1, 3, typeof(HtmlString), (context, caller, args) =>
                PartialCached(context, TemplateFunction.Position(caller), TemplateFunction.Text(context, caller, args, 0, "partial_cached"),
                    args.Count > 1 ? args[1] : null, args.Count > 2 ? TemplateFunction.Text(context, caller, args, 2, "partial_cached") : null)), "partial_cached");
            Add(TemplateFunction.OfText("t", localizer.Translate), "t");
            Add(TemplateFunction.OfDate("date_long", localizer.FormatDate), "date_long");
            Add(TemplateFunction.OfDate("date_time", localizer.FormatDateTime), "date_time");
            Add(TemplateFunction.OfDate("time_of_day", localizer.FormatTime), "time_of_day");
            Add(TemplateFunction.OfDate("date_iso", Text.Dates.Iso), "date_iso");
            Add(new TemplateFunction("raw", 1, 1, typeof(HtmlString), (context, _, args) =>
                args[0] as HtmlString ?? new HtmlString(args[0] is null ? "" : context.ObjectToString(args[0]) ?? "")), "raw");
            Add(TemplateFunction.OfText("url", path =>
                path.Contains("://", StringComparison.Ordinal) || path.StartsWith('#') ? path : _urls.RootRelative(path.StartsWith('/') ? path : "/" + path)), "url");
            Add(TemplateFunction.OfText("abs_url", path => _urls.Absolute(_urls.RootRelative(path))), "abs_url");
            Add(new TemplateFunction("plural", 2, 2, typeof(string), (context, caller, args) =>
            {
                var count = TemplateFunction.Integer(caller, args, 0, "plural");
                var key = TemplateFunction.Text(context, caller, args, 1, "plural");
                return localizer.Translate(count == 1 ? key + "_one" : key + "_other").Replace("{count}", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }), "plural");
            _functionsByLanguage[language] = functions;
            return functions;
        }
    }

    /// <summary>The strings of a language, else of the site's language, else English.</summary>
    public Localizer Localizer(string language) =>
        _localizers.GetValueOrDefault(language)
        ?? _localizers.GetValueOrDefault(_defaultLanguage)
        ?? _localizers.GetValueOrDefault("en")
        ?? _localizers.Values.FirstOrDefault()
        ?? Templates.Localizer.Builtin;

    private static void Report(ScriptRuntimeException e, string errorContext, DiagnosticBag diagnostics)
    {
        // Partials wrap their errors: the innermost one is where the mistake is, the outer ones
        // say which template included it.
        var chain = new List<ScriptRuntimeException>();
        for (Exception? current = e; current is ScriptRuntimeException runtime; current = current.InnerException)
        {
            chain.Add(runtime);
        }

        var innermost = chain[^1];
        var includedFrom = string.Join("", chain.Take(chain.Count - 1).Reverse().Select(c => $" (included from {Location(c.Span)})"));
        diagnostics.Error(DiagnosticCodes.TemplateRuntime, Location(innermost.Span),
            $"{innermost.OriginalMessage.TrimEnd('.')} while rendering {errorContext}{includedFrom}");
    }

    private static SourceLocation Location(SourceSpan span) =>
        new(span.FileName ?? "template", span.Start.Line + 1, span.Start.Column + 1);

    private sealed record ThemeTemplate(string Name, string DisplayPath, Template Template);
}
