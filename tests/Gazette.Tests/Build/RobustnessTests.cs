using FsCheck;
using FsCheck.Fluent;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Markdown.Typography;
using Gazette.Tests.Support;
using Gazette.Text;
using Markdig;

namespace Gazette.Tests.Build;

/// <summary>Clean, property tests and a bounded random-input run over the parsers.</summary>
public class RobustnessTests
{
    [Fact]
    public void Clean_leaves_an_output_holding_foreign_files_and_links_alone()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        using var outside = new TestSite("-- keep.txt --\nprecious\n", withDefaultTheme: false);
        site.Write("content/posts/a.md", TestSite.Article());
        site.BuildSuccessfully();
        File.WriteAllText(Path.Combine(site.OutputDirectory, "mine.txt"), "written by hand");
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateSymbolicLink(Path.Combine(site.OutputDirectory, "linked"), outside.Directory);
        }

        var diagnostics = SiteCleaner.Clean(site.Directory, null);

        Assert.Equal(DiagnosticCodes.OutputNotOwned, Assert.Single(diagnostics).Code);
        Assert.True(File.Exists(Path.Combine(site.OutputDirectory, "index.html")));
        Assert.True(File.Exists(Path.Combine(site.OutputDirectory, "mine.txt")));
        Assert.True(File.Exists(Path.Combine(outside.Directory, "keep.txt")));
    }

    [Fact]
    public void Clean_refuses_a_folder_gazette_did_not_write()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n-- _site/precious.html --\nkeep me\n");
        var diagnostics = SiteCleaner.Clean(site.Directory, null);

        Assert.Equal(DiagnosticCodes.OutputNotOwned, Assert.Single(diagnostics).Code);
        Assert.True(File.Exists(Path.Combine(site.OutputDirectory, "precious.html")));
    }

    [Fact]
    public void Slugs_are_always_one_safe_path_segment()
    {
        Prop.ForAll<string>(text =>
        {
            var slug = Slug.From(text ?? "");
            return slug.Length == 0 || (slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
                && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--", StringComparison.Ordinal));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Escaping_round_trips_for_any_text()
    {
        Prop.ForAll<string>(text =>
        {
            var value = text ?? "";
            var escaped = Gazette.Text.Html.Escape(value);
            return !escaped.Contains('<') && !escaped.Contains('"') && System.Net.WebUtility.HtmlDecode(escaped) == value;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Random mutations of seed files (the bad inputs of docs/errors.md's table) through the
    /// front matter reader and the Markdown renderer: any exception other than a diagnostic is a bug.</summary>
    [Fact]
    public void Random_inputs_never_crash_the_parsers()
    {
        string[] seeds =
        [
            "---\ntitle: \"OpenAI « ici »\"\ndate: 2024-09-25T10:30:00+02:00\ntags: [a, b]\nimage:\n  src: x.png\n  credit: AFP\n---\n\n# Titre\n\n![x](x.png \"Légende © AFP\")\n\n> « citation » : oui !\n\n```cs\nvar x = 1;\n```\n",
            "---\ntitle: [oops\ndate: 2024-01-01\n---\n",
            "---\na: &x [*x]\nb: !tag {}\n---\n",
            "---\ntitle: T\ndate: 2024-01-01\n---\n[a](" + new string('(', 50) + "\n\n" + new string('>', 40) + " x\n",
        ];
        var random = new Random(20241127);
        const string alphabet = "-:[]{}\"'!&*#>|\n\t «»©`()\\ea0";
        var timeZone = TimeZoneInfo.Utc;
        for (var i = 0; i < 3000; i++)
        {
            var chars = seeds[i % seeds.Length].ToCharArray().ToList();
            for (var m = random.Next(1, 8); m > 0; m--)
            {
                var at = random.Next(chars.Count + 1);
                switch (random.Next(3))
                {
                    case 0:
                        chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    case 1 when chars.Count > 0:
                        chars.RemoveAt(Math.Min(at, chars.Count - 1));
                        break;
                    default:
                        chars.InsertRange(at, chars.Skip(random.Next(chars.Count)).Take(random.Next(20)).ToList());
                        break;
                }
            }

            var text = new string([.. chars]);
            var diagnostics = new DiagnosticBag();
            var parsed = FrontMatterParser.Parse(text, "fuzz.md", timeZone, diagnostics);
            Assert.True(parsed is not null || diagnostics.HasErrors, $"no result and no error for:\n{text}");
            foreach (var mode in new[] { TypographyMode.French, TypographyMode.English })
            {
                var pipeline = new MarkdownPipelineBuilder().UseAutoLinks();
                pipeline.Extensions.Add(new TypographyExtension(mode));
                Markdig.Markdown.ToHtml(parsed?.Body ?? text, pipeline.Build());
            }
        }
    }
}
