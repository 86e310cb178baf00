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
        // Each term's articles with their positions, made once (terms in parallel): the window
        // around an article starts at its position.
        var terms = model.Tags.Terms.Concat(model.Categories.Terms).ToList();
        var positions = new Dictionary<Document, int>[terms.Count];
        Parallel.For(0, terms.Count, t =>
        {
            var articles = terms[t].Articles;
            var map = new Dictionary<Document, int>(articles.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < articles.Count; i++)
            {
                map[articles[i]] = i;
            }

            positions[t] = map;
        });
        var termIndex = new Dictionary<Term, int>(terms.Count, ReferenceEqualityComparer.Instance);
        for (var t = 0; t < terms.Count; t++)
        {
            termIndex[terms[t]] = t;
        }

        var tagsBySlug = model.Tags.Terms.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var categoriesBySlug = model.Categories.Terms.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        Parallel.ForEach(model.Articles, () => new Dictionary<Document, int>(ReferenceEqualityComparer.Instance), (article, _, scores) =>
        {
            scores.Clear();
            void Score(Term term, int weight)
            {
                var articles = term.Articles;
                var position = positions[termIndex[term]][article];
                var to = Math.Min(articles.Count - 1, position + Window);
                for (var i = Math.Max(0, position - Window); i <= to; i++)
                {
                    var other = articles[i];
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

            article.Related = Best(article, scores);
            return scores;
        }, _ => { });
    }

    /// <summary>The highest scores, then the nearest in time, then by path: the first
    /// <see cref="MaxRelated"/> of that order, kept as the candidates go.</summary>
    private static List<Document> Best(Document article, Dictionary<Document, int> scores)
    {
        var best = new List<(Document Document, int Score)>(MaxRelated + 1);
        foreach (var (candidate, score) in scores)
        {
            var at = best.Count;
            while (at > 0 && Before(article, candidate, score, best[at - 1]))
            {
                at--;
            }

            if (at < MaxRelated)
            {
                best.Insert(at, (candidate, score));
                if (best.Count > MaxRelated)
                {
                    best.RemoveAt(MaxRelated);
                }
            }
        }

        return best.ConvertAll(b => b.Document);
    }

    private static bool Before(Document article, Document candidate, int score, (Document Document, int Score) other)
    {
        if (score != other.Score)
        {
            return score > other.Score;
        }

        var distance = Distance(article, candidate).CompareTo(Distance(article, other.Document));
        return distance != 0 ? distance < 0 : string.CompareOrdinal(candidate.SourcePath, other.Document.SourcePath) < 0;
    }

    private static TimeSpan Distance(Document a, Document b) => (a.Date!.Value - b.Date!.Value).Duration();
}
