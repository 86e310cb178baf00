using System.Collections;
using System.Collections.Frozen;
using Gazette.Markdown;
using Gazette.Text;

namespace Gazette.Model;

/// <summary>
/// The members templates read of each model type, under their template names, each with its bit
/// in a <see cref="Read"/>'s mask. Templates read them through these tables (fast, and recorded);
/// an update says with the same bits what it changed (<see cref="ModelChange"/>).
/// </summary>
internal static class ModelMembers
{
    /// <summary>A member templates read, by name.</summary>
    public sealed class Table<T>(params (string Name, Func<T, object?> Read)[] members)
    {
        private readonly FrozenDictionary<string, int> _index = members.Select((m, i) => (m.Name, i)).ToFrozenDictionary(m => m.Name, m => m.i, StringComparer.Ordinal);

        public (string Name, Func<T, object?> Read)[] Members { get; } = members;

        /// <summary>The member's position (its bit), or -1 when the type has no member of that name.</summary>
        public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);

        public ulong Mask(string name) => 1UL << IndexOf(name);
    }

    public static readonly Table<Document> Documents = new(
        ("title", d => d.Title),
        ("url", d => d.Url),
        ("absolute_url", d => d.AbsoluteUrl),
        ("date", d => d.Date),
        ("date_has_time", d => d.DateHasTime),
        ("updated", d => d.Updated),
        ("updated_has_time", d => d.UpdatedHasTime),
        ("summary", d => d.Summary),
        ("cover", d => d.Cover),
        ("category", d => d.Category),
        ("author", d => d.Author),
        ("author_profile", d => d.AuthorProfile),
        ("authors", d => d.Authors),
        ("author_profiles", d => d.AuthorProfiles),
        ("tags", d => d.Tags),
        ("lang", d => d.Lang),
        ("kind", d => d.Kind),
        ("slug", d => d.Slug),
        ("source_path", d => d.SourcePath),
        ("output_path", d => d.OutputPath),
        ("content_html", d => d.ContentHtml),
        ("figures", d => d.Figures),
        ("videos", d => d.Videos),
        ("headings", d => d.Headings),
        ("toc", d => d.Toc),
        ("review", d => d.Review),
        ("review_in_body", d => d.ReviewInBody),
        ("sources", d => d.Sources),
        ("related", d => d.Related),
        ("previous", d => d.Previous),
        ("next", d => d.Next),
        ("aliases", d => d.Aliases),
        ("draft", d => d.Draft),
        ("json_ld", d => d.JsonLd),
        ("breadcrumbs", d => d.Breadcrumbs),
        ("translations", d => d.Translations),
        ("word_count", d => d.WordCount),
        ("reading_minutes", d => d.ReadingMinutes),
        ("params", d => d.Params));

    public static readonly Table<Term> Terms = new(
        ("name", t => t.Name),
        ("slug", t => t.Slug),
        ("url", t => t.Url),
        ("articles", t => t.Articles),
        ("count", t => t.Count),
        ("profile", t => t.Profile));

    public static readonly Table<Taxonomy> Taxonomies = new(
        ("name", t => t.Name),
        ("segment", t => t.Segment),
        ("url", t => t.Url),
        ("terms", t => t.Terms));

    public static readonly Table<Figure> Figures = new(
        ("url", f => f.Url),
        ("absolute_url", f => f.AbsoluteUrl),
        ("alt", f => f.Alt),
        ("width", f => f.Width),
        ("height", f => f.Height),
        ("caption_html", f => f.CaptionHtml),
        ("caption_text", f => f.CaptionText),
        ("credit_html", f => f.CreditHtml),
        ("credit_text", f => f.CreditText),
        ("credit_url", f => f.CreditUrl),
        ("copyright_notice", f => f.CopyrightNotice),
        ("is_cover", f => f.IsCover),
        ("has_credit", f => f.HasCredit),
        ("file_size", f => f.FileSize),
        ("media_type", f => f.MediaType),
        ("srcset", f => f.Srcset),
        ("sources", f => f.Sources),
        ("placeholder", f => f.Placeholder),
        ("crops", f => f.Crops));

    public static readonly Table<TermLink> TermLinks = new(
        ("name", t => t.Name),
        ("slug", t => t.Slug),
        ("url", t => t.Url));

    /// <summary>The site's lists as templates see them on <c>site</c> (the rest of <c>site</c> is
    /// site.yml's, which an update never changes).</summary>
    public static readonly Table<SiteModel> Site = new(
        ("articles", m => m.Articles),
        ("pages", m => m.Pages),
        ("tags", m => m.Tags),
        ("categories", m => m.Categories),
        ("authors", m => m.Authors));

    public static readonly ulong DocumentPrevious = Documents.Mask("previous");
    public static readonly ulong DocumentNext = Documents.Mask("next");
    public static readonly ulong DocumentRelated = Documents.Mask("related");
    public static readonly ulong TermArticles = Terms.Mask("articles") | Terms.Mask("count");
    public static readonly ulong TaxonomyTerms = Taxonomies.Mask("terms");
    public static readonly ulong SiteArticles = Site.Mask("articles");

    /// <summary>The value of every member of a document, to compare after an edit.</summary>
    public static object?[] Snapshot(Document document)
    {
        var members = Documents.Members;
        var values = new object?[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            values[i] = members[i].Read(document);
        }

        return values;
    }

    /// <summary>The members whose values differ between two snapshots.</summary>
    public static ulong Changed(object?[] before, object?[] after)
    {
        var changed = 0UL;
        for (var i = 0; i < before.Length; i++)
        {
            if (!Same(before[i], after[i]))
            {
                changed |= 1UL << i;
            }
        }

        return changed;
    }

    /// <summary>
    /// Whether two values read from the model print the same. Documents, terms and taxonomies are
    /// the same object or different ones (what a template reads of them is recorded on its own);
    /// lists and dictionaries are compared item by item; dates with their offsets.
    /// </summary>
    public static bool Same(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.GetType() != b.GetType())
        {
            return false;
        }

        switch (a)
        {
            case Document or Term or Taxonomy or SiteModel:
                return false;
            case string text:
                return string.Equals(text, (string)b, StringComparison.Ordinal);
            case DateTimeOffset date:
                return Dates.Same(date, (DateTimeOffset)b);
            case IReadOnlyDictionary<string, object?> dictionary:
                var other = (IReadOnlyDictionary<string, object?>)b;
                return dictionary.Count == other.Count
                    && dictionary.All(pair => other.TryGetValue(pair.Key, out var value) && Same(pair.Value, value));
            case IEnumerable list:
                var right = ((IEnumerable)b).GetEnumerator();
                foreach (var item in list)
                {
                    if (!right.MoveNext() || !Same(item, right.Current))
                    {
                        return false;
                    }
                }

                return !right.MoveNext();
            default:
                return a.Equals(b);
        }
    }
}
