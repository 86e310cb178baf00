namespace Gazette.Templates;

/// <summary>HTML that is trusted (rendered Markdown, a partial's output) and printed as is by
/// templates; every other value is HTML-escaped when printed.</summary>
public sealed record HtmlString(string Value)
{
    public static readonly HtmlString Empty = new("");

    public bool IsEmpty => Value.Length == 0;

    public override string ToString() => Value;
}
