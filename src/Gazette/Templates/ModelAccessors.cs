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
    /// <summary>A fast accessor for <paramref name="target"/>'s type, or null when there is none.</summary>
    public static IObjectAccessor? For(object target, IObjectAccessor reflected) => target switch
    {
        Document => new Direct<Document>(reflected, ModelMembers.Documents, recorded: true),
        Term => new Direct<Term>(reflected, ModelMembers.Terms, recorded: true),
        Taxonomy => new Direct<Taxonomy>(reflected, ModelMembers.Taxonomies, recorded: true),
        // Values reached through a document's members: its read is what counts.
        Figure => new Direct<Figure>(reflected, ModelMembers.Figures, recorded: false),
        TermLink => new Direct<TermLink>(reflected, ModelMembers.TermLinks, recorded: false),
        // The model's other objects (a review, a paginator, a menu entry): read by reflection, never written.
        _ when target.GetType().Assembly == typeof(Document).Assembly => new ReadOnly(reflected),
        _ => null,
    };

    /// <summary>A template error for an assignment to the model, at the assignment.</summary>
    private static ScriptRuntimeException ReadOnlyModel(SourceSpan span, object target, string member) =>
        new(span, $"'{member}' of {StandardMemberRenamer.Rename(target.GetType().Name)} cannot be assigned: templates read the site, they do not change it; assign to a variable of your own instead");

    /// <summary>Reads the members of the type's table directly (recording the read for the page
    /// when <paramref name="recorded"/>), anything else through Scriban's reflection.</summary>
    private sealed class Direct<T>(IObjectAccessor reflected, ModelMembers.Table<T> table, bool recorded) : ReadOnly(reflected)
        where T : class
    {
        public override bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            var index = table.IndexOf(member);
            if (index < 0)
            {
                return base.TryGetValue(context, span, target, member, out value);
            }

            if (recorded)
            {
                ((HtmlTemplateContext)context).Reads?.Read(target, index);
            }

            value = table.Members[index].Read((T)target);
            if (value is Markdown.ArticleBody body && ((HtmlTemplateContext)context).Theme is { } theme)
            {
                value = new PrintedBody(body, theme); // its figures are the theme's to render
            }

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
