namespace Gazette.Markdown.Highlighting;

/// <summary>
/// Colours code of any <see cref="CodeSyntax"/>: one pass, left to right, each position either
/// starts a token (comment, string, number, name, key…) or is plain text. Names are read whole,
/// so <c>format</c> is never the keyword <c>for</c> and digits inside names are not numbers.
/// </summary>
internal static class CodeLexer
{
    public static void Write(ReadOnlySpan<char> code, CodeSyntax syntax, TokenWriter output)
    {
        var plainStart = 0;
        var position = 0;
        var atLineStart = true; // nothing but indentation since the line began
        while (position < code.Length)
        {
            var (length, kind) = Token(code, position, atLineStart, syntax);
            if (length == 0)
            {
                var c = code[position];
                atLineStart = c == '\n' || (atLineStart && (c is ' ' or '\t' || (c == '-' && syntax.Keys == KeyStyle.LineStartBeforeColon)));
                position++;
                continue;
            }

            if (kind != TokenKind.Plain)
            {
                output.Write(code[plainStart..position], TokenKind.Plain);
                output.Write(code.Slice(position, length), kind);
                plainStart = position + length;
            }

            position += length;
            atLineStart = false;
        }

        output.Write(code[plainStart..], TokenKind.Plain);
    }

    /// <summary>The token starting at <paramref name="at"/>: its length (0 for a lone plain
    /// character) and kind (plain for a name that is not a keyword).</summary>
    private static (int Length, TokenKind Kind) Token(ReadOnlySpan<char> code, int at, bool atLineStart, CodeSyntax syntax)
    {
        var rest = code[at..];
        var c = rest[0];
        if (syntax.Preprocessor && atLineStart && c == '#')
        {
            return (LineLength(rest), TokenKind.Meta);
        }

        if (syntax.BlockComment is var (open, close) && rest.StartsWith(open, StringComparison.Ordinal))
        {
            return (LengthThrough(rest, open.Length, close), TokenKind.Comment);
        }

        foreach (var prefix in syntax.LineComments)
        {
            // "#" starts a comment only as a word of its own: not in "$#" or "${#list}" (shell).
            if (rest.StartsWith(prefix, StringComparison.Ordinal) && (prefix != "#" || at == 0 || char.IsWhiteSpace(code[at - 1])))
            {
                return (LineLength(rest), TokenKind.Comment);
            }
        }

        if (atLineStart && KeyLength(rest, syntax.Keys) is > 0 and var keyLength)
        {
            return (keyLength, syntax.Keys == KeyStyle.LineStartBeforeEquals && c == '[' ? TokenKind.Tag : TokenKind.Attribute);
        }

        if (StringLength(rest, syntax) is > 0 and var stringLength)
        {
            var isKey = syntax.Keys == KeyStyle.QuotedBeforeColon && rest[stringLength..].TrimStart(" \t").StartsWith(':');
            return (stringLength, isKey ? TokenKind.Attribute : TokenKind.String);
        }

        if (syntax.Annotations && c == '@' && rest.Length > 1 && char.IsLetter(rest[1]))
        {
            return (1 + NameLength(rest[1..], syntax), TokenKind.Meta);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && rest.Length > 1 && char.IsAsciiDigit(rest[1]) && (at == 0 || !IsNamePart(code[at - 1], syntax))))
        {
            return (NumberLength(rest), TokenKind.Number);
        }

        if (IsNameStart(c, syntax))
        {
            var name = rest[..NameLength(rest, syntax)];
            return (name.Length, NameKind(name, syntax));
        }

        return (0, TokenKind.Plain);
    }

    private static TokenKind NameKind(ReadOnlySpan<char> name, CodeSyntax syntax)
    {
        if (syntax.Keywords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
        {
            return TokenKind.Keyword;
        }

        if (syntax.Types.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
        {
            return TokenKind.Type;
        }

        // "HttpClient" is a type; "MAX_SIZE" (no lower case letter) is a constant.
        return syntax.CapitalizedTypes && char.IsUpper(name[0]) && name.ContainsAnyInRange('a', 'z') ? TokenKind.Type : TokenKind.Plain;
    }

    private static int StringLength(ReadOnlySpan<char> rest, CodeSyntax syntax)
    {
        var c = rest[0];
        if (syntax.TripleQuotes && (rest.StartsWith("\"\"\"", StringComparison.Ordinal) || rest.StartsWith("'''", StringComparison.Ordinal)))
        {
            return LengthThrough(rest, 3, rest[..3]);
        }

        if (syntax.VerbatimStrings && (rest.StartsWith("@\"", StringComparison.Ordinal) || rest.StartsWith("$@\"", StringComparison.Ordinal) || rest.StartsWith("@$\"", StringComparison.Ordinal)))
        {
            return VerbatimLength(rest, rest.IndexOf('"') + 1);
        }

        if (syntax.SingleQuoteIsCharacter && c == '\'')
        {
            return CharacterLength(rest);
        }

        var multiline = syntax.MultilineQuotes.Contains(c);
        if (!multiline && !syntax.Quotes.Contains(c))
        {
            return 0;
        }

        for (var i = 1; i < rest.Length; i++)
        {
            if (rest[i] == '\\')
            {
                i++;
            }
            else if (rest[i] == c)
            {
                return i + 1;
            }
            else if (rest[i] == '\n' && !multiline)
            {
                return i; // left open: the string ends with its line, not with the block
            }
        }

        return rest.Length;
    }

    /// <summary>C# <c>@"…"</c>: no escapes but <c>""</c>; may span lines.</summary>
    private static int VerbatimLength(ReadOnlySpan<char> rest, int contentStart)
    {
        for (var i = contentStart; i < rest.Length; i++)
        {
            if (rest[i] == '"')
            {
                if (i + 1 < rest.Length && rest[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return rest.Length;
    }

    /// <summary>Rust's <c>'a'</c>, <c>'\n'</c>, <c>'\u{1F600}'</c>; 0 for a lifetime (<c>'a</c>).</summary>
    private static int CharacterLength(ReadOnlySpan<char> rest)
    {
        if (rest.Length > 2 && rest[1] != '\\' && rest[2] == '\'')
        {
            return 3;
        }

        if (rest.Length > 3 && rest[1] == '\\')
        {
            var close = rest[2..Math.Min(rest.Length, 14)].IndexOf('\'');
            return close < 0 ? 0 : close + 3;
        }

        return 0;
    }

    private static int KeyLength(ReadOnlySpan<char> rest, KeyStyle keys)
    {
        var line = rest[..LineLength(rest)];
        if (line.IsEmpty || line[0] is ' ' or '\t')
        {
            return 0; // the key starts after its indentation
        }

        switch (keys)
        {
            case KeyStyle.LineStartBeforeColon:
                if (line[0] is '#' or '"' or '\'' or '-' or '[' or '{')
                {
                    return 0;
                }

                var colon = line.IndexOf(':');
                var isKey = colon > 0 && (colon + 1 == line.Length || line[colon + 1] is ' ' or '\t' or '\r') && !line[..colon].Contains('#');
                return isKey ? colon : 0;
            case KeyStyle.LineStartBeforeEquals:
                if (line[0] == '[')
                {
                    var end = line.IndexOf(']');
                    return end < 0 ? 0 : line.LastIndexOf(']') + 1; // a [section] or [[array]] header
                }

                var equals = line.IndexOf('=');
                return equals > 0 && line[0] is not ('#' or '"' or '\'') ? line[..equals].TrimEnd(" \t").Length : 0;
            default:
                return 0;
        }
    }

    private static int NumberLength(ReadOnlySpan<char> rest)
    {
        var i = 1;
        while (i < rest.Length)
        {
            var c = rest[i];
            var exponentSign = c is '+' or '-' && rest[i - 1] is 'e' or 'E' && !rest[..i].StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            if (char.IsAsciiLetterOrDigit(c) || c == '_' || exponentSign || (c == '.' && i + 1 < rest.Length && char.IsAsciiDigit(rest[i + 1])))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsNameStart(char c, CodeSyntax syntax) =>
        char.IsLetter(c) || c == '_' || (c is '$' && syntax.NameCharacters.Contains(c));

    private static bool IsNamePart(char c, CodeSyntax syntax) =>
        char.IsLetterOrDigit(c) || c == '_' || syntax.NameCharacters.Contains(c);

    private static int NameLength(ReadOnlySpan<char> rest, CodeSyntax syntax)
    {
        var i = 1;
        while (i < rest.Length && IsNamePart(rest[i], syntax))
        {
            i++;
        }

        // A name does not end with a dash: "x--" and "a - b" keep their operators.
        while (i > 1 && rest[i - 1] == '-')
        {
            i--;
        }

        return i;
    }

    /// <summary>Up to the end of the line, without the line break.</summary>
    public static int LineLength(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny('\n', '\r');
        return end < 0 ? rest.Length : end;
    }

    /// <summary>Through the first <paramref name="close"/> after <paramref name="start"/>, or to the end.</summary>
    public static int LengthThrough(ReadOnlySpan<char> rest, int start, ReadOnlySpan<char> close)
    {
        var end = rest[start..].IndexOf(close, StringComparison.Ordinal);
        return end < 0 ? rest.Length : start + end + close.Length;
    }
}
