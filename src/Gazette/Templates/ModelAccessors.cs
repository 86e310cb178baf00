using Gazette.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Gazette.Templates;

/// <summary>
/// Direct property reads for the model objects templates read most (<c>page.title</c>,
/// <c>article.cover.url</c>, <c>tag.name</c>…). Scriban reads .NET objects through reflection,
/// which in the native build is a dynamic invoke per read: about a tenth of page rendering.
/// A name not listed here still goes to Scriban's reflection, so nothing can go missing; a test
/// checks every public property is listed under its template name.
/// </summary>
internal static class ModelAccessors
{
    private static readonly object Missing = new();

    /// <summary>A fast accessor for <paramref name="target"/>'s type, or null when there is none.</summary>
    public static IObjectAccessor? For(object target, IObjectAccessor reflected) => target switch
    {
        Document => new Accessor<Document>(reflected, ReadDocument),
        Figure => new Accessor<Figure>(reflected, ReadFigure),
        TermLink => new Accessor<TermLink>(reflected, ReadTermLink),
        Term => new Accessor<Term>(reflected, ReadTerm),
        _ => null,
    };

    internal static object? ReadDocument(Document d, string member) => member switch
    {
        "title" => d.Title,
        "url" => d.Url,
        "absolute_url" => d.AbsoluteUrl,
        "date" => d.Date,
        "updated" => d.Updated,
        "summary" => d.Summary,
        "cover" => d.Cover,
        "category" => d.Category,
        "author" => d.Author,
        "author_profile" => d.AuthorProfile,
        "tags" => d.Tags,
        "lang" => d.Lang,
        "kind" => d.Kind,
        "slug" => d.Slug,
        "source_path" => d.SourcePath,
        "output_path" => d.OutputPath,
        "content_html" => d.ContentHtml,
        "figures" => d.Figures,
        "headings" => d.Headings,
        "toc" => d.Toc,
        "review" => d.Review,
        "review_in_body" => d.ReviewInBody,
        "sources" => d.Sources,
        "related" => d.Related,
        "previous" => d.Previous,
        "next" => d.Next,
        "aliases" => d.Aliases,
        "draft" => d.Draft,
        "json_ld" => d.JsonLd,
        "word_count" => d.WordCount,
        "reading_minutes" => d.ReadingMinutes,
        "params" => d.Params,
        _ => Missing,
    };

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

    internal static object? ReadTerm(Term t, string member) => member switch
    {
        "name" => t.Name,
        "slug" => t.Slug,
        "url" => t.Url,
        "articles" => t.Articles,
        "count" => t.Count,
        "profile" => t.Profile,
        _ => Missing,
    };

    internal static bool IsMissing(object? value) => ReferenceEquals(value, Missing);

    /// <summary>Reads listed members directly, everything else (and every other operation)
    /// through Scriban's own accessor for the type.</summary>
    private sealed class Accessor<T>(IObjectAccessor reflected, Func<T, string, object?> read) : IObjectAccessor
        where T : class
    {
        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            var direct = read((T)target, member);
            if (!IsMissing(direct))
            {
                value = direct;
                return true;
            }

            return reflected.TryGetValue(context, span, target, member, out value);
        }

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => reflected.GetMemberCount(context, span, target);

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => reflected.GetMembers(context, span, target);

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) =>
            reflected.HasMember(context, span, target, member);

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
            reflected.TrySetValue(context, span, target, member, value);

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) =>
            reflected.TryGetItem(context, span, target, index, out value);

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
            reflected.TrySetItem(context, span, target, index, value);

        public bool HasIndexer => reflected.HasIndexer;

        public Type? IndexType => reflected.IndexType;
    }
}
