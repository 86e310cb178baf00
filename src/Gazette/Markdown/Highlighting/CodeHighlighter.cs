using System.Collections.Frozen;

namespace Gazette.Markdown.Highlighting;

/// <summary>
/// Build-time syntax highlighting: spans with CSS classes (coloured by the theme, light and dark),
/// no script in the reader's browser. Our own lexers, one pass over the code with no regular
/// expression: highlighting used to be a tenth of a large build's time with a regex-based library.
/// A language we do not know is written as plain escaped code.
/// </summary>
internal static class CodeHighlighter
{
    private enum Lexer
    {
        Code,
        Markup,
        Css,
    }

    private static readonly FrozenDictionary<string, (Lexer Lexer, CodeSyntax? Syntax)> Languages = BuildLanguages();

    private static FrozenDictionary<string, (Lexer, CodeSyntax?)> BuildLanguages()
    {
        var languages = new Dictionary<string, (Lexer, CodeSyntax?)>(StringComparer.OrdinalIgnoreCase);
        void Add(string names, CodeSyntax syntax)
        {
            foreach (var name in names.Split(' '))
            {
                languages[name] = (Lexer.Code, syntax);
            }
        }

        Add("csharp cs c#", CodeSyntax.CSharp);
        Add("java", CodeSyntax.Java);
        Add("kotlin kt kts", CodeSyntax.Kotlin);
        Add("javascript js jsx mjs cjs node", CodeSyntax.JavaScript);
        Add("typescript ts tsx mts", CodeSyntax.TypeScript);
        Add("c h cpp c++ cc cxx hpp", CodeSyntax.C);
        Add("go golang", CodeSyntax.Go);
        Add("rust rs", CodeSyntax.Rust);
        Add("swift", CodeSyntax.Swift);
        Add("php", CodeSyntax.Php);
        Add("python py python3", CodeSyntax.Python);
        Add("ruby rb", CodeSyntax.Ruby);
        Add("bash sh shell zsh console", CodeSyntax.Shell);
        Add("powershell ps1 pwsh ps", CodeSyntax.PowerShell);
        Add("sql mysql postgresql postgres psql plsql tsql sqlite", CodeSyntax.Sql);
        Add("json jsonc json5", CodeSyntax.Json);
        Add("yaml yml", CodeSyntax.Yaml);
        Add("toml ini cfg", CodeSyntax.Toml);
        Add("dockerfile docker", CodeSyntax.Dockerfile);
        foreach (var name in new[] { "html", "htm", "xhtml", "xml", "svg", "xaml", "vue" })
        {
            languages[name] = (Lexer.Markup, null);
        }

        foreach (var name in new[] { "css", "scss", "less" })
        {
            languages[name] = (Lexer.Css, null);
        }

        return languages.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="language"/> (a fence's info string) is coloured.</summary>
    public static bool Knows(string? language) => language is not null && Languages.ContainsKey(language);

    /// <summary>Writes the inner HTML of a code block: highlighted spans, or the escaped code.</summary>
    public static void WriteHtml(TextWriter output, ReadOnlySpan<char> code, string? language)
    {
        var tokens = new TokenWriter(output);
        if (language is null || !Languages.TryGetValue(language, out var known))
        {
            tokens.Write(code, TokenKind.Plain);
            return;
        }

        switch (known.Lexer)
        {
            case Lexer.Markup:
                MarkupLexer.Write(code, tokens);
                break;
            case Lexer.Css:
                CssLexer.Write(code, tokens);
                break;
            default:
                CodeLexer.Write(code, known.Syntax!, tokens);
                break;
        }
    }

    /// <summary>The inner HTML of a code block as a string.</summary>
    public static string ToHtml(string code, string? language)
    {
        var output = new StringWriter();
        WriteHtml(output, code, language);
        return output.ToString();
    }
}
