using FsCheck;
using FsCheck.Fluent;
using Gazette.Markdown.Typography;
using Gazette.Tests.Support;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Tests.Markdown;

public class TypographyTests
{
    private const char Nbsp = '\u00A0';
    private const char Narrow = '\u202F';

    private static MarkdownPipeline Pipeline(TypographyMode mode)
    {
        var builder = new MarkdownPipelineBuilder().UseAutoLinks();
        builder.Extensions.Add(new TypographyExtension(mode));
        return builder.Build();
    }

    public static TheoryData<string, string> GoldenCases() => new()
    {
        { "french", "fr" },
        { "english", "en" },
    };

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Golden_typography_of_each_language(string name, string language)
    {
        var markdown = Golden.Input("typography", name, ".md");
        var html = Markdig.Markdown.ToHtml(markdown, Pipeline(TypographyRules.ParseMode(language)));
        Golden.Verify("typography", name, ".html", html);
    }

    [Theory]
    [InlineData("Il a dit : bonjour", "Il a dit\u00A0: bonjour")]
    [InlineData("Attention: danger", "Attention\u00A0: danger")]
    [InlineData("Vraiment ?", "Vraiment\u202F?")]
    [InlineData("Vraiment?!", "Vraiment\u202F?!")]
    [InlineData("« Bonjour »", "«\u00A0Bonjour\u00A0»")]
    [InlineData("«Bonjour»", "«\u00A0Bonjour\u00A0»")]
    [InlineData("\"Bonjour\"", "«\u00A0Bonjour\u00A0»")]
    [InlineData("l'IA", "l’IA")]
    [InlineData("150 milliards", "150\u00A0milliards")]
    [InlineData("10 000 serveurs", "10\u202F000\u00A0serveurs")]
    [InlineData("12 %", "12\u202F%")]
    [InlineData("en 2024 les", "en 2024\u00A0les")]
    [InlineData("deux  espaces", "deux espaces")]
    [InlineData("10:30 et 16:9", "10:30\u00A0et 16:9")]
    [InlineData("Voir :» fin", "Voir\u00A0:\u00A0» fin")]
    public void French_rules(string input, string expected)
    {
        Assert.Equal(expected, TypographyRules.Apply(input, TypographyMode.French));
    }

    [Theory]
    [InlineData("\"Hello\"", "“Hello”")]
    [InlineData("it's", "it’s")]
    [InlineData("'quoted'", "‘quoted’")]
    [InlineData("2010--2020", "2010–2020")]
    [InlineData("wait --- what", "wait — what")]
    public void English_rules(string input, string expected)
    {
        Assert.Equal(expected, TypographyRules.Apply(input, TypographyMode.English));
    }

    [Fact]
    public void Rules_see_across_inlines_without_moving_text_between_them()
    {
        var html = Markdig.Markdown.ToHtml("**Note**: voir \"*ceci*\" !", Pipeline(TypographyMode.French));
        Assert.Equal($"<p><strong>Note</strong>{Nbsp}: voir «{Nbsp}<em>ceci</em>{Nbsp}»{Narrow}!</p>\n", html);
    }

    [Fact]
    public void None_leaves_text_alone()
    {
        Assert.Equal("Il a dit : \"oui\"", TypographyRules.Apply("Il a dit : \"oui\"", TypographyMode.None));
    }

    // Property tests: random prose built from the characters the rules care about.
    private static readonly Gen<string> Prose =
        Gen.Elements("a", "é", "Z", "1", "0", " ", "  ", ":", ";", "!", "?", "\"", "'", "«", "»", "-", "--", "%", ".", ",", "(", ")", "\u00A0")
            .ArrayOf()
            .Select(parts => string.Concat(parts));

    private static string Skeleton(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            switch (c)
            {
                case ' ' or Nbsp or Narrow:
                    break;
                case '«' or '»' or '“' or '”':
                    builder.Append('"');
                    break;
                case '’' or '‘':
                    builder.Append('\'');
                    break;
                case '–':
                    builder.Append("--");
                    break;
                case '—':
                    builder.Append("---");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    [Theory]
    [InlineData(TypographyMode.French)]
    [InlineData(TypographyMode.English)]
    public void Typography_never_loses_a_character_other_than_spaces(TypographyMode mode)
    {
        Prop.ForAll(Prose.ToArbitrary(), text => Skeleton(TypographyRules.Apply(text, mode)) == Skeleton(text))
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(TypographyMode.French)]
    [InlineData(TypographyMode.English)]
    public void Typography_is_idempotent(TypographyMode mode)
    {
        Prop.ForAll(Prose.ToArbitrary(), text =>
        {
            var once = TypographyRules.Apply(text, mode);
            return TypographyRules.Apply(once, mode) == once;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(TypographyMode.French)]
    [InlineData(TypographyMode.English)]
    public void Typography_never_changes_code_spans_code_blocks_or_link_targets(TypographyMode mode)
    {
        var pipeline = Pipeline(mode);
        var plain = Pipeline(TypographyMode.None);
        var code = Prose.Select(s => s.Replace("`", "", StringComparison.Ordinal).Trim()).Where(s => s.Length > 0);
        Prop.ForAll(Prose.ToArbitrary(), code.ToArbitrary(), (prose, snippet) =>
        {
            var markdown = $"{prose} `{snippet}` [lien](https://example.com/{Uri.EscapeDataString(snippet)}) {prose}\n\n```\n{snippet}\n```\n";
            return Untouchable(Markdig.Markdown.Parse(markdown, pipeline)).SequenceEqual(Untouchable(Markdig.Markdown.Parse(markdown, plain)));
        }).QuickCheckThrowOnFailure();
    }

    private static IEnumerable<string> Untouchable(MarkdownDocument document) =>
        document.Descendants<CodeInline>().Select(c => c.Content)
            .Concat(document.Descendants<LinkInline>().Select(l => l.Url ?? ""))
            .Concat(document.Descendants<FencedCodeBlock>().Select(b => b.Lines.ToString()));
}
