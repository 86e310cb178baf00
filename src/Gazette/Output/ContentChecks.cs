using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Output;

/// <summary>
/// What <c>gazette check</c> adds to a build's own diagnostics before publishing: articles
/// without summary or cover, dates without timezone, duplicate titles and slugs, images without
/// alt text and malformed links. Warnings, so <c>--strict</c> decides whether they block.
/// </summary>
internal static class ContentChecks
{
    public static void Run(SiteModel model, IEnumerable<SourceDocument> sources, DiagnosticBag diagnostics)
    {
        var bySource = model.Articles.Concat(model.Pages).ToDictionary(d => d.SourcePath, StringComparer.Ordinal);
        foreach (var source in sources.Where(s => bySource.ContainsKey(s.SourcePath)))
        {
            var frontMatter = source.Parsed.FrontMatter;
            var document = bySource[source.SourcePath];
            foreach (var finding in document.Findings)
            {
                diagnostics.Add(finding);
            }

            if (document.Kind != DocumentKind.Article)
            {
                continue;
            }

            var top = new SourceLocation(source.SourcePath, 2, 1);
            if (string.IsNullOrWhiteSpace(frontMatter.Summary))
            {
                diagnostics.Warning(DiagnosticCodes.MissingSummaryOrCover, top, "the article has no 'summary:'; it is its lead paragraph and its description for search engines");
            }

            if (frontMatter.Image is null)
            {
                diagnostics.Warning(DiagnosticCodes.MissingSummaryOrCover, top, "the article has no cover photo ('image:'); lists and social networks show it");
            }

            if (frontMatter.Date is not null && !frontMatter.DateHasOffset && frontMatter.DateHasTime)
            {
                diagnostics.Warning(DiagnosticCodes.DateWithoutTimezone, frontMatter.DateLocation,
                    "the date has no timezone; it is read in site.yml's timezone. Write it with an offset, such as 2024-09-25T10:30:00+02:00");
            }
        }

        foreach (var group in model.Articles.GroupBy(a => a.Title.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = group.OrderBy(a => a.SourcePath, StringComparer.Ordinal).First();
            foreach (var other in group.Where(a => a != first))
            {
                diagnostics.Warning(DiagnosticCodes.DuplicateTitle, SourceLocation.File(other.SourcePath),
                    $"same title as '{first.SourcePath}'; readers and search engines cannot tell them apart");
            }
        }

        foreach (var group in model.Articles.GroupBy(a => a.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.OrderBy(a => a.SourcePath, StringComparer.Ordinal).First();
            foreach (var other in group.Where(a => a != first))
            {
                diagnostics.Warning(DiagnosticCodes.DuplicateTitle, SourceLocation.File(other.SourcePath),
                    $"same slug '{other.Slug}' as '{first.SourcePath}'; their URLs differ only by date");
            }
        }
    }
}
