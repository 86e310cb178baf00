namespace Gazette.Markdown.Highlighting;

/// <summary>
/// Colours HTML, XML and SVG: element names, attribute names and values, comments, CDATA.
/// The content of <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> is coloured as JavaScript and CSS.
/// </summary>
internal static class MarkupLexer
{
    public static void Write(ReadOnlySpan<char> code, TokenWriter output)
    {
        var plainStart = 0;
        var i = 0;
        while (i < code.Length)
        {
            var rest = code[i..];
            if (rest.StartsWith("<!--", StringComparison.Ordinal) || rest.StartsWith("<![CDATA[", StringComparison.Ordinal))
            {
                output.Write(code[plainStart..i], TokenKind.Plain);
                var isComment = rest[1] == '!' && rest[2] == '-';
                var length = CodeLexer.LengthThrough(rest, 4, isComment ? "-->" : "]]>");
                output.Write(rest[..length], isComment ? TokenKind.Comment : TokenKind.String);
                i += length;
                plainStart = i;
            }
            else if (rest[0] == '<' && rest.Length > 1 && (char.IsLetter(rest[1]) || rest[1] is '/' or '!' or '?'))
            {
                output.Write(code[plainStart..i], TokenKind.Plain);
                var (length, element, closing) = WriteTag(rest, output);
                i += length;
                plainStart = i;
                if (!closing && (element.Equals("script", StringComparison.OrdinalIgnoreCase) || element.Equals("style", StringComparison.OrdinalIgnoreCase)))
                {
                    var content = code[i..];
                    var end = content.IndexOf(("</" + element).AsSpan(), StringComparison.OrdinalIgnoreCase);
                    content = end < 0 ? content : content[..end];
                    if (element.Equals("script", StringComparison.OrdinalIgnoreCase))
                    {
                        CodeLexer.Write(content, CodeSyntax.JavaScript, output);
                    }
                    else
                    {
                        CssLexer.Write(content, output);
                    }

                    i += content.Length;
                    plainStart = i;
                }
            }
            else
            {
                i++;
            }
        }

        output.Write(code[plainStart..], TokenKind.Plain);
    }

    /// <summary>Writes one tag, from its <c>&lt;</c> through its <c>&gt;</c> (or the end).</summary>
    private static (int Length, string Element, bool Closing) WriteTag(ReadOnlySpan<char> rest, TokenWriter output)
    {
        var i = 1;
        while (i < rest.Length && rest[i] is '/' or '!' or '?')
        {
            i++;
        }

        output.Write(rest[..i], TokenKind.Plain);
        var closing = rest[1] == '/';
        var nameLength = NameLength(rest[i..]);
        var element = rest.Slice(i, nameLength).ToString();
        output.Write(rest.Slice(i, nameLength), TokenKind.Tag);
        i += nameLength;
        while (i < rest.Length && rest[i] != '>')
        {
            var c = rest[i];
            if (c is '"' or '\'')
            {
                var close = rest[(i + 1)..].IndexOf(c);
                var length = close < 0 ? rest.Length - i : close + 2;
                output.Write(rest.Slice(i, length), TokenKind.String);
                i += length;
            }
            else if (NameLength(rest[i..]) is > 0 and var length)
            {
                // A name after "=" is an unquoted value; otherwise it is an attribute.
                var afterEquals = rest[..i].TrimEnd(" \t\r\n").EndsWith('=');
                output.Write(rest.Slice(i, length), afterEquals ? TokenKind.String : TokenKind.Attribute);
                i += length;
            }
            else
            {
                output.Write(rest.Slice(i, 1), TokenKind.Plain);
                i++;
            }
        }

        if (i < rest.Length)
        {
            output.Write(rest.Slice(i, 1), TokenKind.Plain);
            i++;
        }

        return (i, element, closing);
    }

    private static int NameLength(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' or ':' or '.' || (i > 0 && text[i] == '@')))
        {
            i++;
        }

        return i;
    }
}
