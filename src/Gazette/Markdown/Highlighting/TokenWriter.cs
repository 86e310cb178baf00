namespace Gazette.Markdown.Highlighting;

/// <summary>What a piece of code is, as the theme colours it.</summary>
internal enum TokenKind
{
    Plain,
    Keyword,
    Type,
    String,
    Comment,
    Number,
    /// <summary>Preprocessor lines, annotations and decorators.</summary>
    Meta,
    /// <summary>Markup element names and CSS selectors.</summary>
    Tag,
    /// <summary>Markup attributes, CSS properties, JSON/YAML/TOML keys.</summary>
    Attribute,
}

/// <summary>
/// Writes tokens as HTML: each coloured token in a <c>&lt;span class="…"&gt;</c> named after its
/// kind (the theme's <c>70-code.css</c> colours them), every character escaped.
/// </summary>
internal readonly struct TokenWriter(TextWriter output)
{
    public void Write(ReadOnlySpan<char> text, TokenKind kind)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var cssClass = kind switch
        {
            TokenKind.Keyword => "keyword",
            TokenKind.Type => "type",
            TokenKind.String => "string",
            TokenKind.Comment => "comment",
            TokenKind.Number => "number",
            TokenKind.Meta => "meta",
            TokenKind.Tag => "tag",
            TokenKind.Attribute => "attribute",
            _ => null,
        };
        if (cssClass is null)
        {
            WriteEscaped(text);
            return;
        }

        output.Write("<span class=\"");
        output.Write(cssClass);
        output.Write("\">");
        WriteEscaped(text);
        output.Write("</span>");
    }

    private void WriteEscaped(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var special = text.IndexOfAny('&', '<', '>');
            if (special < 0)
            {
                output.Write(text);
                return;
            }

            output.Write(text[..special]);
            output.Write(text[special] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                _ => "&gt;",
            });
            text = text[(special + 1)..];
        }
    }
}
