namespace Gazette.Markdown.Highlighting;

/// <summary>
/// Colours CSS: selectors, at-rules, property names, strings, numbers with their units, colours
/// and comments. It knows whether a block holds rules (the top level, <c>@media</c>,
/// <c>@supports</c>…) or declarations, which is what tells a selector from a property.
/// </summary>
internal static class CssLexer
{
    private static readonly string[] RuleBlocks = ["media", "supports", "layer", "container", "document", "scope", "starting-style"];

    public static void Write(ReadOnlySpan<char> code, TokenWriter output)
    {
        // For each open block: whether it holds rules (selectors) rather than declarations.
        var holdsRules = new Stack<bool>();
        var nextBlockHoldsRules = false;
        var inAtRulePrelude = false; // "@media (width < 40em)" is not a selector
        var plainStart = 0;
        var i = 0;
        while (i < code.Length)
        {
            var rest = code[i..];
            var c = rest[0];
            var inRules = holdsRules.Count == 0 || holdsRules.Peek();
            var (length, kind) = c switch
            {
                '/' when rest.StartsWith("/*", StringComparison.Ordinal) => (CodeLexer.LengthThrough(rest, 2, "*/"), TokenKind.Comment),
                '"' or '\'' => (QuotedLength(rest), TokenKind.String),
                '@' => (1 + WordLength(rest[1..]), TokenKind.Keyword),
                '!' when rest[1..].StartsWith("important", StringComparison.OrdinalIgnoreCase) => (10, TokenKind.Keyword),
                _ when inRules && !inAtRulePrelude && !char.IsWhiteSpace(c) && c is not ('{' or '}' or ';') => (SelectorLength(rest), TokenKind.Tag),
                '#' => (1 + WordLength(rest[1..]), TokenKind.Number),
                _ when char.IsAsciiDigit(c) || (c is '.' or '-' && rest.Length > 1 && char.IsAsciiDigit(rest[1]) && (i == 0 || !IsWordPart(code[i - 1])))
                    => (NumberLength(rest), TokenKind.Number),
                _ when char.IsLetter(c) || c == '-' => (WordLength(rest), IsProperty(rest) ? TokenKind.Attribute : TokenKind.Plain),
                _ => (0, TokenKind.Plain),
            };

            if (c == '@')
            {
                nextBlockHoldsRules = RuleBlocks.Contains(rest.Slice(1, length - 1).ToString(), StringComparer.OrdinalIgnoreCase);
                inAtRulePrelude = true;
            }
            else if (c == ';')
            {
                inAtRulePrelude = false;
            }
            else if (c == '{')
            {
                inAtRulePrelude = false;
                holdsRules.Push(nextBlockHoldsRules);
                nextBlockHoldsRules = false;
            }
            else if (c == '}' && holdsRules.Count > 0)
            {
                holdsRules.Pop();
            }

            if (length == 0)
            {
                i++;
                continue;
            }

            if (kind != TokenKind.Plain)
            {
                output.Write(code[plainStart..i], TokenKind.Plain);
                output.Write(rest[..length], kind);
                plainStart = i + length;
            }

            i += length;
        }

        output.Write(code[plainStart..], TokenKind.Plain);
    }

    /// <summary>A selector runs to its block's <c>{</c> (or a comment), without trailing spaces.</summary>
    private static int SelectorLength(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny('{', ';', '}');
        var comment = rest.IndexOf("/*", StringComparison.Ordinal);
        if (end < 0 || (comment >= 0 && comment < end))
        {
            end = comment < 0 ? rest.Length : comment;
        }

        return Math.Max(1, rest[..end].TrimEnd(" \t\r\n").Length);
    }

    private static bool IsProperty(ReadOnlySpan<char> rest) =>
        rest[WordLength(rest)..].TrimStart(" \t").StartsWith(':');

    private static int QuotedLength(ReadOnlySpan<char> rest)
    {
        for (var i = 1; i < rest.Length; i++)
        {
            if (rest[i] == '\\')
            {
                i++;
            }
            else if (rest[i] == rest[0] || rest[i] == '\n')
            {
                return rest[i] == '\n' ? i : i + 1;
            }
        }

        return rest.Length;
    }

    private static int NumberLength(ReadOnlySpan<char> rest)
    {
        var i = 1;
        while (i < rest.Length && (char.IsAsciiLetterOrDigit(rest[i]) || rest[i] is '.' or '%'))
        {
            i++;
        }

        return i;
    }

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    private static int WordLength(ReadOnlySpan<char> rest)
    {
        var i = 0;
        while (i < rest.Length && IsWordPart(rest[i]))
        {
            i++;
        }

        return i;
    }
}
