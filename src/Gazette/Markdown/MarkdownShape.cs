namespace Gazette.Markdown;

/// <summary>A shape of Markdown that no article needs and that makes Markdig slow or throw,
/// found before parsing, with the line (1-based, in the body) where it starts.</summary>
internal sealed record MarkdownShapeProblem(int Line, string Message);

/// <summary>
/// Looks for the shapes that make Markdown parsing slow or impossible, in one pass over the lines
/// and before Markdig sees them, so that they are reported at their line whatever the machine's
/// speed: lists and quotes nested deeper than <see cref="MaxNesting"/> (Markdig throws without a
/// position, and indented nests grow quadratically), links opened with <c>](</c> and never closed
/// (each one scans to the end of its paragraph: quadratic), and tables wider than
/// <see cref="MaxTableColumns"/> columns (rows times columns). Fenced code is skipped: any text may
/// stand there. The count is an estimate of CommonMark's containers, generous to real articles.
/// </summary>
internal static class MarkdownShape
{
    public const int MaxNesting = 64;
    public const int MaxUnclosedLinks = 256;
    public const int MaxTableColumns = 128;

    public static MarkdownShapeProblem? Find(string markdown)
    {
        var itemIndents = new Stack<int>(); // the content column of each open list item
        var nestStart = 0;
        var nestDeepest = 0;
        string? fence = null;
        var paragraphStart = 0;
        var unclosedLinks = 0;
        var lineNumber = 0;
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            var line = markdown.AsSpan()[range];
            lineNumber++;
            var trimmed = line.TrimStart(' ');
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3].ToString();
                continue;
            }

            if (trimmed.IsWhiteSpace())
            {
                paragraphStart = 0; // a blank line ends a paragraph; lists go on after it
                unclosedLinks = 0;
                continue;
            }

            if (paragraphStart == 0)
            {
                paragraphStart = lineNumber;
            }

            // Links: a "](" followed by a ")" on its line is closed, and so are those before it.
            var lastClose = line.LastIndexOf(')');
            for (var at = line.IndexOf("](", StringComparison.Ordinal); at >= 0; at = IndexAfter(line, at + 2, "]("))
            {
                unclosedLinks = at + 2 <= lastClose ? 0 : unclosedLinks + 1;
            }

            if (unclosedLinks > MaxUnclosedLinks)
            {
                return new MarkdownShapeProblem(paragraphStart,
                    $"more than {MaxUnclosedLinks} links open with '](' and are never closed in this paragraph; close them with ')' or write '\\[' for a literal bracket");
            }

            if (IsTableDelimiterRow(trimmed) && trimmed.Count('|') - 1 > MaxTableColumns)
            {
                return new MarkdownShapeProblem(lineNumber,
                    $"a table of {trimmed.Count('|') - 1} columns (at most {MaxTableColumns}); split it, or publish the data as a file to download");
            }

            var depth = Nesting(line, itemIndents);
            if (depth == 0)
            {
                if (nestDeepest > MaxNesting)
                {
                    break;
                }

                nestStart = 0;
                continue;
            }

            if (nestStart == 0)
            {
                nestStart = lineNumber;
                nestDeepest = 0;
            }

            nestDeepest = Math.Max(nestDeepest, depth);
        }

        return nestDeepest > MaxNesting
            ? new MarkdownShapeProblem(nestStart, $"lists and quotes nested {nestDeepest} deep (at most {MaxNesting}); flatten the nesting")
            : null;
    }

    /// <summary>How many quotes and list items the line stands in: its leading <c>&gt;</c> marks,
    /// the open items it is indented into, and the list markers it opens.</summary>
    private static int Nesting(ReadOnlySpan<char> line, Stack<int> itemIndents)
    {
        var quotes = 0;
        var column = 0;
        while (true)
        {
            var spaces = CountSpaces(line[column..]);
            if (column + spaces < line.Length && line[column + spaces] == '>' && spaces < 4)
            {
                quotes++;
                column += spaces + 1;
                continue;
            }

            break;
        }

        var indent = column + CountSpaces(line[column..]);
        while (itemIndents.Count > 0 && itemIndents.Peek() > indent)
        {
            itemIndents.Pop();
        }

        // Markers opening items on this line ("- ", "1. ", and several of them: "- - x").
        var at = indent;
        while (ListMarkerLength(line[at..]) is var marker and > 0)
        {
            var content = at + marker + Math.Max(1, Math.Min(4, CountSpaces(line[(at + marker)..])));
            itemIndents.Push(content);
            at = Math.Min(line.Length, content);
        }

        return quotes + itemIndents.Count;
    }

    private static int IndexAfter(ReadOnlySpan<char> text, int start, string value) =>
        text[start..].IndexOf(value, StringComparison.Ordinal) is var at and >= 0 ? start + at : -1;

    private static int CountSpaces(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && text[count] is ' ' or '\t')
        {
            count++;
        }

        return count;
    }

    /// <summary>The length of a list marker followed by a space (<c>-</c>, <c>*</c>, <c>+</c>, <c>12.</c>, <c>3)</c>), or 0.</summary>
    private static int ListMarkerLength(ReadOnlySpan<char> text)
    {
        if (text.Length >= 2 && text[0] is '-' or '*' or '+' && text[1] is ' ' or '\t')
        {
            return 1;
        }

        var digits = 0;
        while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] is ' ' or '\t' ? digits + 1 : 0;
    }

    private static bool IsTableDelimiterRow(ReadOnlySpan<char> line) =>
        line.Contains('|') && line.Contains('-') && !line.ContainsAnyExcept("|-: \t");

    /// <summary>The line (1-based) with the most characters that open inline markup, where a
    /// nesting Markdig refused without a position most likely is.</summary>
    public static int BusiestLine(string markdown)
    {
        var (busiest, most, number) = (1, -1, 0);
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            number++;
            var count = 0;
            foreach (var c in markdown.AsSpan()[range])
            {
                count += c is '[' or '(' or '*' or '_' or '>' or '!' or '~' ? 1 : 0;
            }

            if (count > most)
            {
                (busiest, most) = (number, count);
            }
        }

        return busiest;
    }
}
