using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Build;

/// <summary><c>gazette new</c> and <c>gazette check</c>.</summary>
public class NewAndCheckTests
{
    private static readonly DateTimeOffset Now = new(2024, 9, 25, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void New_creates_a_draft_bundle_with_an_ascii_slug_and_filled_front_matter()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\ndefault_author: mathilde\n");
        var diagnostics = new DiagnosticBag();
        var path = ArticleScaffolder.Create(site.Directory, "L'IA « générative » à Paris", "Intelligence artificielle", ["IA", "Paris"], Now, diagnostics);

        Assert.Equal("content/posts/l-ia-generative-a-paris/index.md", path);
        var text = File.ReadAllText(Path.Combine(site.Directory, path!));
        Assert.Contains("title: \"L'IA « générative » à Paris\"", text, StringComparison.Ordinal);
        Assert.Contains("date: 2024-09-25T10:30:00+02:00", text, StringComparison.Ordinal);
        Assert.Contains("author: \"mathilde\"", text, StringComparison.Ordinal);
        Assert.Contains("tags: [\"IA\", \"Paris\"]", text, StringComparison.Ordinal);
        Assert.Contains("draft: true", text, StringComparison.Ordinal);

        // The scaffold builds as written, drafts included (it names no photo that is not there).
        var result = site.Build(o => o with { IncludeDrafts = true });
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.True(site.OutputExists("2024/09/l-ia-generative-a-paris/index.html"));
    }

    [Fact]
    public void An_author_that_site_yml_does_not_declare_is_a_warning_at_its_line_naming_the_declared_ones()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: T
            authors:
              mathilde: { name: Mathilde Rousseau }
              karim: { name: Karim Benali }
            -- content/posts/a.md --
            ---
            title: A
            date: 2024-09-01T10:00:00+02:00
            author: matilde
            ---
            Texte.
            """);

        var result = site.BuildSuccessfully();

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.AuthorUndeclared);
        Assert.Equal(new SourceLocation("content/posts/a.md", 4, 9), warning.Location);
        Assert.Contains("'matilde' is not declared", warning.Message, StringComparison.Ordinal);
        Assert.Contains("declared: karim, mathilde", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_code_left_in_the_text_is_a_warning_at_its_line_and_printed_as_text_but_not_in_code()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: T
            language: fr
            -- content/posts/a.md --
            ---
            title: A
            date: 2024-09-01T10:00:00+02:00
            ---
            Voir {% include note.html %} ici.

            Le titre : {{ page.title | upcase }}.

            En code, `{% raw %}` et `{{ a | b }}` sont voulus.

            ```liquid
            {% if x %}{{ y | z }}{% endif %}
            ```
            """);

        var result = site.BuildSuccessfully();

        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.TemplateSyntaxInText).ToList();
        Assert.Equal([5, 7], warnings.Select(w => w.Location.Line));
        Assert.Contains("include note.html", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("{{ page.title | upcase }}", warnings[1].Message, StringComparison.Ordinal);
        Assert.Contains("{{ page.title | upcase }}", site.ReadOutput("2024/09/a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_default_author_is_one_warning_at_its_line_in_site_yml_whatever_the_number_of_articles()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: T
            default_author: karim
            authors:
              mathilde: { name: Mathilde Rousseau }
            """);
        site.Write("content/posts/a.md", TestSite.Article(title: "A"));
        site.Write("content/posts/b.md", TestSite.Article(title: "B", date: "2024-09-02T10:00:00+02:00"));

        var result = site.BuildSuccessfully();

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.AuthorUndeclared);
        Assert.Equal(new SourceLocation("site.yml", 2, 17), warning.Location);
        Assert.Contains("'karim' is not declared", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "early-hints")]
    [InlineData("markdown:\n  heading_ids: github\n", "103-early-hints")]
    public void Heading_ids_start_at_the_first_letter_or_follow_github_when_asked(string setting, string id)
    {
        using var site = new TestSite($"""
            -- site.yml --
            title: T
            {setting}
            -- themes/default/i18n/fr.yml --
            months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]
            -- themes/default/layouts/article.html --
            {"{{ for h in page.headings }}[{{ h.id }}]{{ end }}"}
            -- themes/default/layouts/list.html --
            -- themes/default/layouts/404.html --
            -- content/posts/a.md --
            ---
            title: A
            date: 2024-09-01T10:00:00+02:00
            ---
            ## 1.0.3 Early Hints
            """, withDefaultTheme: false);

        site.BuildSuccessfully();

        Assert.Equal($"[{id}]", site.ReadOutput("2024/09/a/index.html").Trim());
    }

    [Fact]
    public void New_refuses_to_overwrite_an_existing_article()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/bonjour/index.md", "original");
        var diagnostics = new DiagnosticBag();

        Assert.Null(ArticleScaffolder.Create(site.Directory, "Bonjour", null, [], Now, diagnostics));
        Assert.Equal("original", File.ReadAllText(Path.Combine(site.Directory, "content/posts/bonjour/index.md")));
        Assert.Contains("already exists", Assert.Single(diagnostics.ToList()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_uses_the_site_archetype_when_present()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n-- archetypes/post.md --\n---\ntitle: {{title}}\ndate: {{date}}\nsource_maison: oui\n---\nModèle {{slug}}\n");
        var path = ArticleScaffolder.Create(site.Directory, "Mon titre", null, [], Now, new DiagnosticBag());

        var text = File.ReadAllText(Path.Combine(site.Directory, path!));
        Assert.Contains("source_maison: oui", text, StringComparison.Ordinal);
        Assert.Contains("Modèle mon-titre", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_every_finding_without_writing_the_output()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n");
        site.Write("content/posts/a/index.md", """
            ---
            title: Doublon
            date: 2024-09-25 10:30
            titel: faute
            ---

            ![](photo.png "© AFP")

            [section](#nulle-part) et [lien](/2024/01/absent/) et [mal](http:/example) et [racine](/ailleurs.html)
            """);
        site.WriteBytes("content/posts/a/photo.png", TestImages.Png(4, 4));
        site.Write("content/posts/b.md", TestSite.Article(title: "Doublon", extra: "summary: Chapô.\n"));
        var result = site.Build(o => o with { CheckOnly = true });

        var codes = result.Diagnostics.Select(d => d.Code).ToHashSet();
        Assert.Contains(DiagnosticCodes.YamlUnknownKey, codes);
        Assert.Contains(DiagnosticCodes.ImageWithoutAlt, codes);
        Assert.Contains(DiagnosticCodes.MissingSummaryOrCover, codes);
        Assert.Contains(DiagnosticCodes.DateWithoutTimezone, codes);
        Assert.Contains(DiagnosticCodes.DuplicateTitle, codes);
        Assert.Contains(DiagnosticCodes.BrokenAnchor, codes);
        Assert.Contains(DiagnosticCodes.LinkMalformed, codes);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.BrokenLink));
        var date = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.DateWithoutTimezone);
        Assert.Equal(new SourceLocation("content/posts/a/index.md", 3, 7), date.Location);
        Assert.True(result.Succeeded, "findings are warnings");
        Assert.False(result with { Strict = true } is { Succeeded: true });
        Assert.False(Directory.Exists(site.OutputDirectory));
    }
}
