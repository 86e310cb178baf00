using Gazette.Content;
using Gazette.Text;

namespace Gazette.Markdown;

/// <summary>
/// An article's HTML as Markdown makes it, with the places of what the theme renders itself:
/// each figure (a photo alone in its paragraph) and the review box where the author placed it.
/// The theme fills the places as it prints the body into a page, with the page's whole
/// <c>site</c> (Markdown never calls the theme).
/// </summary>
/// <param name="pieces">The HTML around the places: one more than <paramref name="places"/>.</param>
/// <param name="places">What goes between two pieces: a <see cref="Figure"/>, a <see cref="Videos.Video"/>, or null for the review box.</param>
/// <param name="review">The review box's content, when the body places it.</param>
/// <param name="language">The article's language, which its figures are rendered in.</param>
internal sealed class ArticleBody(IReadOnlyList<HtmlString> pieces, IReadOnlyList<object?> places, ReviewInfo? review, string language)
    : IEquatable<ArticleBody>
{
    public static ArticleBody Empty { get; } = new([HtmlString.Empty], [], null, "");

    public IReadOnlyList<HtmlString> Pieces { get; } = pieces;
    public IReadOnlyList<object?> Places { get; } = places;
    public ReviewInfo? Review { get; } = review;
    public string Language { get; } = language;

    public bool IsEmpty => Places.Count == 0 && Pieces[0].IsEmpty;

    public bool Equals(ArticleBody? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Language == other.Language && Pieces.SequenceEqual(other.Pieces) && Places.SequenceEqual(other.Places) && SameReview(other)));

    private bool SameReview(ArticleBody other) =>
        !Places.Contains(null) || (Review is { } mine && other.Review is { } theirs && mine.Name == theirs.Name
            && mine.Score == theirs.Score && mine.Scale == theirs.Scale && mine.Verdict == theirs.Verdict
            && mine.Features.SequenceEqual(theirs.Features) && mine.Pros.SequenceEqual(theirs.Pros) && mine.Cons.SequenceEqual(theirs.Cons));

    public override bool Equals(object? obj) => Equals(obj as ArticleBody);

    public override int GetHashCode() => HashCode.Combine(Pieces.Count, Places.Count, Language);
}
