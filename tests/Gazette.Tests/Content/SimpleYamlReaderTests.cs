using System.Text;
using Gazette.Content;
using Gazette.Yaml;

namespace Gazette.Tests.Content;

/// <summary>
/// The fast reader of everyday front matter must make exactly the tree YamlDotNet's parser
/// makes (kinds, text, quoting, line and column of every node), or give up. Each case is read
/// both ways and compared; the cases every article uses must not be given up on.
/// </summary>
public class SimpleYamlReaderTests
{
    /// <summary>Passes when the fast reader gives up; else its tree must be YamlDotNet's (kinds, text,
    /// quoting, positions: see the nodes' <c>ToString</c>).</summary>
    private static void AssertSameTreeOrGivenUp(string yaml)
    {
        var simple = SimpleYamlReader.TryRead(yaml);
        if (simple is null)
        {
            return;
        }

        var (root, problems) = YamlDocumentReader.ReadWithYamlDotNet(yaml);
        Assert.True(problems.Count == 0, $"YamlDotNet finds problems the fast reader missed in:\n{yaml}\n{string.Join("\n", problems)}");
        Assert.Equal(root?.ToString(), simple.ToString());
    }

    public static TheoryData<string> Everyday => new()
    {
        // The generated benchmark corpus's shape.
        """
        title: "Journal inférence trimestre routeur pousse énergie processeur"
        date: 2023-12-21T14:29:33Z
        author: "Sarah Garcia"
        tags: ["dotnet", "gpu"]
        category: "Intelligence artificielle"
        summary: "Feuille présenté le les hybride prix paramètre prix, la alerte panne silicium agent trace."
        lang: fr
        image:
          src: "/images/photo-25.png"
          alt: "Graphisme présenté mobile des développeur"
          caption: "Désormais stable affaires réduit protocole la, revue sera dans écran pare-feu."
          credit: "Emma Lambert / AFP"

        """,
        // The sample site's: plain values, block lists, list of mappings, single quotes.
        """
        title: L'IA générative arrive sur nos PC
        date: 2024-10-02 09:15
        author: mathilde
        category: Intelligence artificielle
        tags:
          - IA
          - Windows 11
        sources:
          - name: Le Figaro
            url: https://www.lefigaro.fr/
          - BFM TV
        review:
          name: 'Copilot+ PC'
          features: [NPU 45 TOPS, "Autonomie : 20 h"]
          score: 9
          scale: 10
        draft: false
        """,
        "tags:\n- a\n- b\ntitle: x",
        "title: 'it''s'\nempty_list: []\nspaced: [ a , b ]",
        "a:   lots of   spaces   \nb: x:y\nc: x#y\nd: \"# not a comment\"",
        "image:\n    src: a.jpg\n    alt: deep\nafter: 1",
        "list:\n  -   spaced item\n  -   k: v\n      k2: v2",
    };

    [Theory]
    [MemberData(nameof(Everyday))]
    public void Everyday_front_matter_is_read_without_YamlDotNet_into_the_same_tree(string yaml)
    {
        Assert.NotNull(SimpleYamlReader.TryRead(yaml));
        AssertSameTreeOrGivenUp(yaml);
    }

    [Theory]
    [InlineData("title: x # a comment")]
    [InlineData("# a comment\ntitle: x")]
    [InlineData("title: \"a \\\"quoted\\\" word\"")]
    [InlineData("title: x\ntitle: y")]
    [InlineData("summary:\ntitle: x")]
    [InlineData("summary: >\n  folded\n  text")]
    [InlineData("title: first line\n  continued")]
    [InlineData("title: &a x\nother: *a")]
    [InlineData("title: !!str x")]
    [InlineData("title: x: y")]
    [InlineData("title:\tx")]
    [InlineData("  title: indented root")]
    [InlineData("tags: [a, [b]]")]
    [InlineData("tags: [a,]")]
    [InlineData("tags: [a, b")]
    [InlineData("image:\n  src: a\n alt: misaligned")]
    [InlineData("title: x\n---\nsecond: document")]
    [InlineData("\"quoted key\": x")]
    public void Anything_else_is_left_to_YamlDotNet(string yaml)
    {
        Assert.Null(SimpleYamlReader.TryRead(yaml));
    }

    [Fact]
    public void The_sites_own_front_matter_reads_the_same_both_ways()
    {
        var root = Gazette.Tests.Support.TestSite.RepositoryRoot;
        var files = Directory.EnumerateFiles(Path.Combine(root, "content"), "*.md", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.True(FrontMatterParser.TrySplit(text, file, new Gazette.Diagnostics.DiagnosticBag(), out var yaml, out _, out _, out _), file);
            AssertSameTreeOrGivenUp(yaml);
        }
    }

    /// <summary>Random front matter built from pieces chosen to sit on the reader's edges
    /// (colons, hashes, quotes, brackets, indents, blank lines, non-ASCII text); a fixed seed
    /// keeps a failure reproducible.</summary>
    [Fact]
    public void Random_front_matter_reads_the_same_both_ways_or_is_given_up()
    {
        string[] keys = ["title", "tags", "a", "image", "src", "name", "b-c", "d_e", "2024", "null", "x"];
        string[] scalars =
        [
            "plain", "two words", "\"quoted\"", "'single'", "'it''s'", "\"\"", "''", "é à ç", "x:y", "x: y", "x #y", "x#y", "a,b",
            "[a, b]", "[\"a\", 'b', c d]", "[]", "[ ]", "[a,]", "[a, [b]]", "{a: b}", "-1", "- x", "?x", ":x", "a:", "true", "~",
            "2024-01-02T03:04:05+02:00", "\"a \\\" b\"", "'open", "\"open", "http://x.org/a?b=c#d", "|", ">", "&a x", "*a", "!t x",
            "%x", "@x", "`x`", "\"é\" ", "'a'b", "\"a\"b", "[a] x", "😀 emoji", "[😀, \"é\"]", "a  b  ", " ",
        ];
        string[] indents = ["", " ", "  ", "   ", "    "];
        var random = new Random(20261128);
        var accepted = 0;
        for (var round = 0; round < 100_000; round++)
        {
            var yaml = new StringBuilder();
            var lines = random.Next(1, 7);
            var indent = "";
            for (var i = 0; i < lines; i++)
            {
                // Mostly the indent a valid text would have (the previous one, or deeper after
                // "key:"), sometimes any.
                indent = i == 0 ? "" : random.Next(4) == 0 ? indents[random.Next(indents.Length)] : indent;
                var key = keys[random.Next(keys.Length)];
                _ = random.Next(6) switch
                {
                    0 => yaml.Append(indent).Append(key).Append(':').Append('\n').Append(indent = indent + "  ", 0, 0),
                    1 => yaml.Append(indent).Append("- ").Append(scalars[random.Next(scalars.Length)]).Append('\n'),
                    2 => yaml.Append(indent).Append("- ").Append(key).Append(": ").Append(scalars[random.Next(scalars.Length)]).Append('\n'),
                    3 => yaml.Append('\n'),
                    _ => yaml.Append(indent).Append(key).Append(": ").Append(scalars[random.Next(scalars.Length)]).Append('\n'),
                };
            }

            var text = yaml.ToString();
            if (SimpleYamlReader.TryRead(text) is not null)
            {
                accepted++;
            }

            AssertSameTreeOrGivenUp(text);
        }

        // The comparison means something only if many random texts were read the fast way.
        Assert.True(accepted > 5_000, $"only {accepted} of 100 000 random texts were read without YamlDotNet");
    }
}
