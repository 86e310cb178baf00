namespace Gazette.Content;

/// <summary>Whether a document is a dated article or a standalone page.</summary>
internal enum DocumentKind
{
    Article,
    Page,
}
