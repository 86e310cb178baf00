using Gazette.Markdown;
using Gazette.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Gazette.Templates;

/// <summary>
/// Direct property reads for the model objects templates read (<c>page.title</c>,
/// <c>article.cover.url</c>, <c>tag.name</c>…). Scriban reads .NET objects through reflection,
/// which in the native build is a dynamic invoke per read: about a tenth of page rendering.
/// Reads of documents, terms and taxonomies are recorded for the page being rendered
/// (<see cref="ReadRecorder"/>): the dev server renders again exactly the pages whose reads an edit
/// changed. The model cannot be written from a template: an assignment is a template error.
/// A test checks every public property is listed under its template name.
/// </summary>
internal static class ModelAccessors
{
    private static readonly object Missing = new();

    /// <summary>A fast accessor for <paramref name="target"/>'s type, or null when there is none.</summary>
    public static IObjectAccessor? For(object target, IObjectAccessor reflected) => target switch
    {
        Document => new Recorded<Document>(reflected, ModelMembers.Documents),
        Term => new Recorded<Term>(reflected, ModelMembers.Terms),
        Taxonomy => new Recorded<Taxonomy>(reflected, ModelMembers.Taxonomies),
        Figure => new Accessor<Figure>(reflected, ReadFigure),
        TermLink => new Accessor<TermLink>(reflected, ReadTermLink),
        // The model's other objects (a review, a paginator, a menu entry): read by reflection, never written.
        _ when target.GetType().Assembly == typeof(Document).Assembly => new ReadOnly(reflected),
        _ => null,
    };

    internal static object? ReadDocument(Document d, string member) => Read(ModelMembers.Documents, d, member);

    internal static object? ReadTerm(Term t, string member) => Read(ModelMembers.Terms, t, member);

    internal static object? ReadTaxonomy(Taxonomy t, string member) => Read(ModelMembers.Taxonomies, t, member);

    private static object? Read<T>(ModelMembers.Table<T> table, T target, string member) =>
        table.IndexOf(member) is var index and >= 0 ? table.Members[index].Read(target) : Missing;

    internal static object? ReadFigure(Figure f, string member) => member switch
    {
        "url" => f.Url,
        "absolute_url" => f.AbsoluteUrl,
        "alt" => f.Alt,
        "width" => f.Width,
        "height" => f.Height,
        "caption_html" => f.CaptionHtml,
        "caption_text" => f.CaptionText,
        "credit_html" => f.CreditHtml,
        "credit_text" => f.CreditText,
        "credit_url" => f.CreditUrl,
        "copyright_notice" => f.CopyrightNotice,
        "is_cover" => f.IsCover,
        "has_credit" => f.HasCredit,
        "file_size" => f.FileSize,
        "media_type" => f.MediaType,
        _ => Missing,
    };

    internal static object? ReadTermLink(TermLink t, string member) => member switch
    {
        "name" => t.Name,
        "slug" => t.Slug,
        "url" => t.Url,
        _ => Missing,
    };

    internal static bool IsMissing(object? value) => ReferenceEquals(value, Missing);

    /// <summary>A template error for an assignment to the model, at the assignment.</summary>
    private static ScriptRuntimeException ReadOnlyModel(SourceSpan span, object target, string member) =>
        new(span, $"'{member}' of {StandardMemberRenamer.Rename(target.GetType().Name)} cannot be assigned: templates read the site, they do not change it; assign to a variable of your own instead");

    /// <summary>Reads listed members directly, everything else (and every other operation)
    /// through Scriban's own accessor for the type; refuses every assignment.</summary>
    private class Accessor<T>(IObjectAccessor reflected, Func<T, string, object?> read) : ReadOnly(reflected)
        where T : class
    {
        public override bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            var direct = read((T)target, member);
            if (!IsMissing(direct))
            {
                value = direct;
                return true;
            }

            return base.TryGetValue(context, span, target, member, out value);
        }
    }

    /// <summary>Reads through the type's table and records what the page read.</summary>
    private sealed class Recorded<T>(IObjectAccessor reflected, ModelMembers.Table<T> table) : ReadOnly(reflected)
        where T : class
    {
        public override bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            var index = table.IndexOf(member);
            if (index < 0)
            {
                return base.TryGetValue(context, span, target, member, out value);
            }

            ((HtmlTemplateContext)context).Reads?.Read(target, index);
            value = table.Members[index].Read((T)target);
            return true;
        }
    }

    /// <summary>Scriban's accessor for the type, with every assignment refused.</summary>
    private class ReadOnly(IObjectAccessor reflected) : IObjectAccessor
    {
        public virtual bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value) =>
            reflected.TryGetValue(context, span, target, member, out value);

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => reflected.GetMemberCount(context, span, target);

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => reflected.GetMembers(context, span, target);

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) =>
            reflected.HasMember(context, span, target, member);

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
            throw ReadOnlyModel(span, target, member);

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) =>
            reflected.TryGetItem(context, span, target, index, out value);

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
            throw ReadOnlyModel(span, target, $"[{index}]");

        public bool HasIndexer => reflected.HasIndexer;

        public Type? IndexType => reflected.IndexType;
    }
}
