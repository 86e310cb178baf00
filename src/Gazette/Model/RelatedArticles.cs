namespace Gazette.Model;

/// <summary>
/// Picks up to four related articles for each article: those sharing the most tags, then the
/// category, nearest in time first. Candidates come from a window around the article in each of
/// its term lists (already sorted by date), so the cost grows with the number of articles, not
/// with its square, however popular a tag is.
/// </summary>
internal static class RelatedArticles
{
    private const int MaxRelated = 4;
    private const int Window = 12;

    public static void Assign(SiteModel model)
    {
        var positions = new Dictionary<Term, Dictionary<Document, int>>();
        Dictionary<Document, int> PositionsIn(Term term)
        {
            if (!positions.TryGetValue(term, out var map))
            {
                map = new Dictionary<Document, int>(term.Articles.Count);
                for (var i = 0; i < term.Articles.Count; i++)
                {
                    map[term.Articles[i]] = i;
                }

                positions[term] = map;
            }

            return map;
        }

        var tagsBySlug = model.Tags.Terms.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var categoriesBySlug = model.Categories.Terms.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        foreach (var article in model.Articles)
        {
            var scores = new Dictionary<Document, int>();
            void Score(Term term, int weight)
            {
                var position = PositionsIn(term)[article];
                var from = Math.Max(0, position - Window);
                var to = Math.Min(term.Articles.Count - 1, position + Window);
                for (var i = from; i <= to; i++)
                {
                    var other = term.Articles[i];
                    if (other != article)
                    {
                        scores[other] = scores.GetValueOrDefault(other) + weight;
                    }
                }
            }

            foreach (var tag in article.Tags)
            {
                Score(tagsBySlug[tag.Slug], 2);
            }

            if (article.Category is { } category)
            {
                Score(categoriesBySlug[category.Slug], 1);
            }

            article.Related = scores
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => Distance(article, pair.Key))
                .ThenBy(pair => pair.Key.SourcePath, StringComparer.Ordinal)
                .Take(MaxRelated)
                .Select(pair => pair.Key)
                .ToList();
        }
    }

    private static TimeSpan Distance(Document a, Document b) => (a.Date!.Value - b.Date!.Value).Duration();
}
