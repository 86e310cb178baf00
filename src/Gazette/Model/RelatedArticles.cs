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

    /// <summary>Picks the related articles of <paramref name="articles"/> again (the model's term lists as they are now).</summary>
    public static void AssignTo(SiteModel model, IReadOnlyList<Document> articles)
    {
        Parallel.ForEach(articles, () => new Dictionary<Document, int>(ReferenceEqualityComparer.Instance), (article, _, scores) =>
        {
            scores.Clear();
            void Score(Term term, int weight)
            {
                var articles = term.ArticleList;
                var position = PositionIn(articles, article);
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
                Score(model.Tags.TermOf(tag), 2);
            }

            if (article.Category is { } category)
            {
                Score(model.Categories.TermOf(category), 1);
            }

            article.Related = Best(article, scores);
            return scores;
        }, _ => { });
    }

    /// <summary>
    /// The articles of a term's list whose related ones may change when <paramref name="article"/>
    /// joins or leaves it: an article's candidates in a list are those within <see cref="Window"/>
    /// places of it, so only the articles that near where <paramref name="article"/> is (or was:
    /// it is then looked up where it would be) can gain or lose it, or see the window shift by one.
    /// A category of 2 000 articles gives some 26, not 2 000.
    /// </summary>
    public static IEnumerable<Document> WithinReach(List<Document> articles, Document article)
    {
        var position = articles.BinarySearch(article, SiteOrder.Instance);
        position = position >= 0 ? position : ~position;
        var from = Math.Max(0, position - Window - 1);
        var to = Math.Min(articles.Count - 1, position + Window + 1);
        for (var i = from; i <= to; i++)
        {
            yield return articles[i];
        }
    }

    /// <summary>The articles within reach of <paramref name="document"/> (see <see cref="WithinReach"/>)
    /// in the lists of its tags and category as the model has them now: where it is, or where it
    /// would be when it is no longer in them (a document as it was before an edit).</summary>
    public static IEnumerable<Document> WithinReachInItsTerms(SiteModel model, Document document)
    {
        var terms = document.Tags.Select(tag => model.Tags.Find(tag.Slug))
            .Append(document.Category is { } category ? model.Categories.Find(category.Slug) : null);
        return terms.OfType<Term>().SelectMany(term => WithinReach(term.ArticleList, document));
    }

    /// <summary>Picks the related articles of <paramref name="articles"/> again and returns those
    /// whose picks changed.</summary>
    public static HashSet<Document> AssignAgain(SiteModel model, IReadOnlyList<Document> articles)
    {
        var before = new Dictionary<Document, IReadOnlyList<Document>>(ReferenceEqualityComparer.Instance);
        foreach (var article in articles)
        {
            before[article] = article.Related;
        }

        AssignTo(model, articles);
        return new HashSet<Document>(articles.Where(a => !a.Related.SequenceEqual(before[a])), ReferenceEqualityComparer.Instance);
    }

    /// <summary>Where an article is in a term's list, which keeps the site's order (newest first,
    /// then by path): found by halving, so no term needs a map of its articles' positions.</summary>
    private static int PositionIn(List<Document> articles, Document article)
    {
        var position = articles.BinarySearch(article, SiteOrder.Instance);
        return position >= 0 ? position : articles.IndexOf(article);
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
