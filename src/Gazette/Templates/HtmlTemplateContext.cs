using System.Text;
using Gazette.Text;
using Scriban;
using Scriban.Parsing;

namespace Gazette.Templates;

/// <summary>
/// A Scriban context that HTML-escapes every value a template prints, except
/// <see cref="HtmlString"/> (trusted HTML). Scriban itself never escapes, so without this a
/// title like <c>"'&gt;&lt;x-canary&gt;</c> would reach the page as markup.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext()
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedFunctionAccess = false;
        // Scriban cuts strings over 1 MiB with "..." by default: a long page must render whole.
        LimitToString = 0;
        // Enough to list every article of a large archive in one loop, yet an endless loop stops.
        LoopLimit = 1_000_000;
        RecursiveLimit = 64;
        TemplateLoader = null;
        // Scriban re-indents every line of a multi-line value by the indentation of its {{ }}:
        // that would shift the lines of a <pre> block and undo the minified templates' whitespace.
        AutoIndent = false;
        MemberRenamer = Scriban.Runtime.StandardMemberRenamer.Default;
    }

    /// <summary>The language of the page being rendered (its <c>lang</c>).</summary>
    public string PageLanguage { get; set; } = "";

    /// <summary>The theme rendering with this context, which fills the places of the article bodies it prints.</summary>
    public TemplateRenderer? Theme { get; set; }

    /// <summary>Where the model reads of the page being rendered are recorded; null when they are not.</summary>
    public ReadRecorder? Reads { get; set; }

    /// <summary>How many partials deep the current render is.</summary>
    public int PartialDepth { get; set; }

    // One variable scope per partial nesting level, emptied after each partial and reused.
    private readonly List<Scriban.Runtime.ScriptObject> _partialScopes = [];

    /// <summary>The (empty) scope of a partial rendered at <paramref name="depth"/>.</summary>
    public Scriban.Runtime.ScriptObject PartialScope(int depth)
    {
        while (_partialScopes.Count <= depth)
        {
            _partialScopes.Add([]);
        }

        return _partialScopes[depth];
    }

    // One buffer per nesting level (layout, partial, partial in a partial…), reused page after page.
    private readonly List<HtmlBuffer> _buffers = [];
    private int _buffersInUse;

    /// <summary>An empty buffer for the next nesting level; give it back with <see cref="ReturnBuffer"/>.</summary>
    public HtmlBuffer RentBuffer()
    {
        if (_buffersInUse == _buffers.Count)
        {
            _buffers.Add(new HtmlBuffer());
        }

        var buffer = _buffers[_buffersInUse++];
        buffer.Clear();
        return buffer;
    }

    public void ReturnBuffer() => _buffersInUse--;

    protected override Scriban.Runtime.IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var reflected = base.GetMemberAccessorImpl(target);
        return reflected is null ? null : ModelAccessors.For(target, reflected) ?? reflected;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case HtmlString html when Output is HtmlBuffer buffer:
                html.WriteTo(buffer); // no string made of a compact body
                return this;
            case HtmlString html:
                return base.Write(span, html.Value);
            case PrintedBody printed when Output is HtmlBuffer buffer:
                printed.Theme.WriteBody(this, printed.Body, buffer);
                return this;
            case PrintedBody printed:
                return base.Write(span, printed.ToString());
            default:
                var text = ObjectToString(textAsObject);
                return base.Write(span, Html.Escape(text));
        }
    }
}

/// <summary>
/// An article's body as a template reads it (<c>page.content_html</c>): printed into a page, the
/// theme fills its places as part of the page (<see cref="TemplateRenderer.WriteBody"/>); turned
/// into a string (piped to a function), its places are filled on their own.
/// </summary>
internal sealed record PrintedBody(Markdown.ArticleBody Body, TemplateRenderer Theme)
{
    public override string ToString() => Theme.RenderBody(Body);
}
