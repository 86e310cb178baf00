using AngleSharp.Html.Parser;
using Gazette.Markdown.Highlighting;

namespace Gazette.Tests.Markdown;

public class CodeHighlighterTests
{
    /// <summary>The coloured tokens of the highlighted code, as (class, text) in order.</summary>
    private static List<(string Class, string Text)> Tokens(string code, string language)
    {
        var html = CodeHighlighter.ToHtml(code, language);
        var pre = new HtmlParser().ParseDocument("<pre>" + html + "</pre>").QuerySelector("pre")!;
        Assert.Equal(code, pre.TextContent); // nothing lost, nothing added, everything escaped back
        return pre.QuerySelectorAll("span").Select(span => (span.ClassName!, span.TextContent)).ToList();
    }

    [Fact]
    public void CSharp_keywords_types_strings_numbers_comments_and_directives()
    {
        var tokens = Tokens("#nullable enable\n// note\npublic sealed class Feed : IDisposable { int n = 0x1F; string s = @\"C:\\a\"\"b\"; /* x\ny */ }", "csharp");

        Assert.Contains(("meta", "#nullable enable"), tokens);
        Assert.Contains(("comment", "// note"), tokens);
        Assert.Contains(("keyword", "public"), tokens);
        Assert.Contains(("keyword", "class"), tokens);
        Assert.Contains(("type", "Feed"), tokens);
        Assert.Contains(("type", "IDisposable"), tokens);
        Assert.Contains(("type", "int"), tokens);
        Assert.Contains(("number", "0x1F"), tokens);
        Assert.Contains(("string", "@\"C:\\a\"\"b\""), tokens);
        Assert.Contains(("comment", "/* x\ny */"), tokens);
    }

    [Fact]
    public void Names_are_read_whole_so_a_keyword_inside_a_name_is_not_coloured()
    {
        var tokens = Tokens("const format = doSomething(for2, x1);", "js");

        Assert.Equal([("keyword", "const")], tokens);
    }

    [Fact]
    public void A_string_left_open_ends_with_its_line_but_a_template_literal_spans_lines()
    {
        Assert.Contains(("string", "\"open"), Tokens("let a = \"open\nlet b = 1;", "js"));
        Assert.Contains(("string", "`a\nb`"), Tokens("let t = `a\nb`;", "js"));
    }

    [Fact]
    public void Python_decorators_docstrings_and_comments()
    {
        var tokens = Tokens("@cache\ndef f(x):\n    \"\"\"Doc\n    more\"\"\"\n    return None  # done", "python");

        Assert.Contains(("meta", "@cache"), tokens);
        Assert.Contains(("keyword", "def"), tokens);
        Assert.Contains(("string", "\"\"\"Doc\n    more\"\"\""), tokens);
        Assert.Contains(("keyword", "None"), tokens);
        Assert.Contains(("comment", "# done"), tokens);
    }

    [Fact]
    public void Shell_hash_starts_a_comment_only_as_a_word_of_its_own()
    {
        var tokens = Tokens("echo ${#list[@]} $# # count", "bash");

        Assert.Equal([("keyword", "echo"), ("comment", "# count")], tokens);
    }

    [Fact]
    public void Rust_lifetimes_are_not_character_literals()
    {
        var tokens = Tokens("fn f<'a>(x: &'a str) -> char { 'x' }", "rust");

        Assert.Equal([("keyword", "fn"), ("type", "str"), ("type", "char"), ("string", "'x'")], tokens);
    }

    [Fact]
    public void Sql_keywords_ignore_case()
    {
        var tokens = Tokens("select id FROM t where name = 'a' -- c", "sql");

        Assert.Equal([("keyword", "select"), ("keyword", "FROM"), ("keyword", "where"), ("string", "'a'"), ("comment", "-- c")], tokens);
    }

    [Fact]
    public void Json_keys_differ_from_string_values()
    {
        var tokens = Tokens("{\"name\": \"x\", \"n\": 1.5, \"ok\": true}", "json");

        Assert.Equal([("attribute", "\"name\""), ("string", "\"x\""), ("attribute", "\"n\""), ("number", "1.5"), ("attribute", "\"ok\""), ("keyword", "true")], tokens);
    }

    [Fact]
    public void Yaml_and_toml_keys_after_their_indentation()
    {
        Assert.Equal([("attribute", "list"), ("attribute", "name"), ("string", "'x'"), ("comment", "# c")],
            Tokens("list:\n  - name: 'x' # c\n", "yaml"));
        Assert.Equal([("tag", "[package]"), ("attribute", "name"), ("string", "\"gazette\"")],
            Tokens("[package]\nname = \"gazette\"\n", "toml"));
    }

    [Fact]
    public void Html_tags_attributes_values_and_the_script_inside()
    {
        var tokens = Tokens("<!-- c --><a href=\"/x\" hidden>A &amp; B</a><script>let x = 1;</script>", "html");

        Assert.Equal(
            [("comment", "<!-- c -->"), ("tag", "a"), ("attribute", "href"), ("string", "\"/x\""), ("attribute", "hidden"), ("tag", "a"),
             ("tag", "script"), ("keyword", "let"), ("number", "1"), ("tag", "script")],
            tokens);
    }

    [Fact]
    public void Css_selectors_properties_and_values_inside_and_outside_media_queries()
    {
        var tokens = Tokens("@media (max-width: 40em) {\n  .a > b:hover { color: #fff; margin: -1.5em !important; }\n}", "css");

        Assert.Equal(
            [("keyword", "@media"), ("attribute", "max-width"), ("number", "40em"), ("tag", ".a > b:hover"), ("attribute", "color"), ("number", "#fff"),
             ("attribute", "margin"), ("number", "-1.5em"), ("keyword", "!important")],
            tokens);
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("")]
    public void An_unknown_language_is_escaped_plain_text(string language)
    {
        Assert.Equal("qapla' &lt;b&gt; &amp;", CodeHighlighter.ToHtml("qapla' <b> &", language));
    }
}
