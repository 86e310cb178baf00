using System.Security.Cryptography;
using Gazette.Diagnostics;
using Gazette.Import;
using Gazette.Tests.Support;

namespace Gazette.Tests.Import;

/// <summary>
/// <c>gazette import jekyll</c> on an inline Jekyll site that carries what real blogs do: posts
/// dated only by their file name, Ruby offsets, author lists, Liquid, kramdown attributes, a quoted
/// value continued at column 0, a custom permalink, a page, and a missing photo. The written files
/// are compared whole, and the new site is built.
/// </summary>
public class JekyllImportTests
{
    private const string NewSite = """
        -- site.yml --
        title: "Nouveau site"
        base_url: "https://example.org/blog/"
        language: fr
        timezone: Europe/Paris
        permalinks:
          article: "/{year}/{month}/{slug}/"
        authors:
          mathilde:
            name: Mathilde
        """;

    private static TestSite OldJekyllSite()
    {
        var old = new TestSite("""
            -- _config.yml --
            title: Old Blog
            description: Notes on software
            timezone: America/New_York
            url: https://old.example.com
            permalink: /:categories/:year/:month/:day/:title.html
            repository: https://github.com/old/blog
            -- _data/authors.yml --
            alice:
              name: Alice Martin
              bio: Writes about Linux.
            -- _posts/2015-03-17-first-post.md --
            ---
            title: First post
            author: alice
            categories: [Tech, linux]
            tags: ruby tools
            description: A first look.
            image: /assets/cover.png
            image_alt: The cover
            redirect_from: /old-first/
            layout: post
            mood: happy
            ---

            * TOC
            {:toc}

            ## Code

            {% highlight ruby %}
            puts "hi"
            {% endhighlight %}

            Shown as written: {% raw %}{{ page.title }}{% endraw %}.

            Next: [the second]({% post_url 2016-01-02-second %}), source on [GitHub]({{ site.repository }}){:target="_blank"}.

            ![A photo]({{ site.baseurl }}/assets/photo.png "Sunset © Alice")

            ![Gone](/assets/missing.png)

            {% include newsletter.html %}
            -- _posts/2016-01-02-second.md --
            ---
            title: "Second post, with a title
            that goes on"
            date: 2016-01-02 14:00:00 -4
            authors: [alice, Bob Stone]
            permalink: /custom/second/
            ---

            Body.
            -- about.md --
            ---
            title: About
            permalink: /about/
            ---

            About us.
            -- README.md --
            Not a page.
            """, withDefaultTheme: false);
        old.WriteBytes("assets/cover.png", TestImages.Png(1200, 630));
        old.WriteBytes("assets/photo.png", TestImages.Png(800, 600));
        return old;
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    [Fact]
    public void A_post_comes_in_with_its_date_from_the_file_name_its_liquid_converted_and_its_old_url_as_an_alias()
    {
        using var old = OldJekyllSite();
        using var site = new TestSite(NewSite);
        var diagnostics = new DiagnosticBag();

        var summary = SiteImporter.Import(OldGenerator.Jekyll, old.Directory, site.Directory, diagnostics);

        Assert.Equal(new ImportSummary(Articles: 2, Pages: 1, Files: 2, Skipped: 0, Aliases: 3), summary);
        Assert.Equal("""
            ---
            title: "First post"
            date: 2015-03-17
            author: alice
            category: "Tech"
            tags: ["linux", "ruby", "tools"]
            summary: "A first look."
            image:
              src: "cover.png"
              alt: "The cover"
            toc: true
            aliases:
              - "/tech/linux/2015/03/17/first-post.html"
              - "/old-first/"
            ---

            ## Code

            ```ruby
            puts "hi"
            ```

            Shown as written: {{ page.title }}.

            Next: [the second](/2016/01/second/), source on [GitHub](https://github.com/old/blog).

            ![A photo](photo.png "Sunset © Alice")

            Gone

            {% include newsletter.html %}

            """, File.ReadAllText(Path.Combine(site.Directory, "content/posts/first-post/index.md")).ReplaceLineEndings("\n"));
        Assert.True(File.Exists(Path.Combine(site.Directory, "content/posts/first-post/cover.png")));
        Assert.True(File.Exists(Path.Combine(site.Directory, "content/posts/first-post/photo.png")));
    }

    [Fact]
    public void Ruby_offsets_author_lists_continued_quotes_and_own_permalinks_are_read()
    {
        using var old = OldJekyllSite();
        using var site = new TestSite(NewSite);

        SiteImporter.Import(OldGenerator.Jekyll, old.Directory, site.Directory, new DiagnosticBag());

        Assert.Equal("""
            ---
            title: "Second post, with a title that goes on"
            date: 2016-01-02T14:00:00-04:00
            authors: [alice, bob-stone]
            aliases:
              - "/custom/second/"
            ---

            Body.

            """, File.ReadAllText(Path.Combine(site.Directory, "content/posts/second/index.md")).ReplaceLineEndings("\n"));
        Assert.Equal("""
            ---
            title: "About"
            ---

            About us.

            """, File.ReadAllText(Path.Combine(site.Directory, "content/pages/about.md")).ReplaceLineEndings("\n"));
        Assert.False(File.Exists(Path.Combine(site.Directory, "content/pages/readme.md")));
    }

    [Fact]
    public void What_needs_a_human_is_reported_at_its_line_in_the_old_file()
    {
        using var old = OldJekyllSite();
        using var site = new TestSite(NewSite);
        var diagnostics = new DiagnosticBag();

        SiteImporter.Import(OldGenerator.Jekyll, old.Directory, site.Directory, diagnostics);

        var printed = diagnostics.ToSortedList().Select(d => d.ToString()).ToList();
        Assert.Contains("_posts/2015-03-17-first-post.md:11:1: warning GZ0804: front matter key 'mood' has no meaning in Gazette and was not imported; move what matters into the text", printed);
        Assert.Contains("_posts/2015-03-17-first-post.md:29:9: warning GZ0803: image '/assets/missing.png' is not in the old site; the article comes in without it (add the photo to content/posts/first-post/ and write it back)", printed);
        Assert.Contains("_posts/2015-03-17-first-post.md:31:1: warning GZ0802: Liquid '{% include newsletter.html %}' cannot be converted and stays as text; rewrite it in Markdown", printed);
        Assert.Contains("site.yml:1:1: warning GZ0804: the old site's title is \"Old Blog\"; site.yml's is kept (change it if the old one is right)", printed);
        Assert.DoesNotContain(diagnostics.ToList(), d => d.Severity == Severity.Error);
    }

    [Fact]
    public void The_authors_join_site_yml_and_the_new_site_builds_with_every_old_url_kept()
    {
        using var old = OldJekyllSite();
        using var site = new TestSite(NewSite);
        var before = Hashes(old.Directory);

        SiteImporter.Import(OldGenerator.Jekyll, old.Directory, site.Directory, new DiagnosticBag());
        var result = site.BuildSuccessfully();

        Assert.Equal(before, Hashes(old.Directory));
        var yml = File.ReadAllText(Path.Combine(site.Directory, "site.yml"));
        Assert.Contains("""
            authors:
              mathilde:
                name: Mathilde
              alice:
                name: "Alice Martin"
                bio: "Writes about Linux."
              bob-stone:
                name: "Bob Stone"
            """.ReplaceLineEndings("\n"), yml.ReplaceLineEndings("\n"));
        Assert.Contains("description: \"Notes on software\"", yml);
        Assert.True(File.Exists(Path.Combine(site.Directory, "site.yml.bak")));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.ImageMissing);
        foreach (var (alias, target) in new[]
        {
            ("tech/linux/2015/03/17/first-post.html", "/blog/2015/03/first-post/"),
            ("old-first/index.html", "/blog/2015/03/first-post/"),
            ("custom/second/index.html", "/blog/2016/01/second/"),
        })
        {
            Assert.True(site.OutputExists(alias), $"no redirect page {alias}");
            Assert.Contains(target, site.ReadOutput(alias));
        }

        Assert.True(site.OutputExists("2015/03/first-post/index.html"));
        Assert.True(site.OutputExists("about/index.html"));
    }

    [Fact]
    public void An_article_already_in_the_site_is_kept_and_an_old_site_that_is_not_jekyll_is_refused()
    {
        using var old = OldJekyllSite();
        using var site = new TestSite(NewSite + "\n-- content/posts/second/index.md --\n" + TestSite.Article("Mine"));
        var diagnostics = new DiagnosticBag();

        var summary = SiteImporter.Import(OldGenerator.Jekyll, old.Directory, site.Directory, diagnostics);

        Assert.Equal(1, summary!.Skipped);
        Assert.Contains("title: \"Mine\"", File.ReadAllText(Path.Combine(site.Directory, "content/posts/second/index.md")));
        Assert.Contains(diagnostics.ToList(), d => d.Code == DiagnosticCodes.ImportExists && d.Location.Path == "_posts/2016-01-02-second.md");

        using var empty = new TestSite("-- notes.txt --\nhello", withDefaultTheme: false);
        var refused = new DiagnosticBag();
        Assert.Null(SiteImporter.Import(OldGenerator.Jekyll, empty.Directory, site.Directory, refused));
        Assert.Contains(refused.ToList(), d => d.Code == DiagnosticCodes.ImportNoSite && d.Severity == Severity.Error);
    }

    [Fact]
    public void A_site_inside_the_old_site_is_refused_and_nothing_is_written()
    {
        using var old = OldJekyllSite();
        var inside = Path.Combine(old.Directory, "new-site");
        Directory.CreateDirectory(inside);
        File.WriteAllText(Path.Combine(inside, "site.yml"), "title: T\n");
        var before = Hashes(old.Directory);
        var diagnostics = new DiagnosticBag();

        Assert.Null(SiteImporter.Import(OldGenerator.Jekyll, old.Directory, inside, diagnostics));

        Assert.Contains(diagnostics.ToList(), d => d.Code == DiagnosticCodes.ImportNoSite && d.Message.Contains("one holds the other", StringComparison.Ordinal));
        Assert.Equal(before, Hashes(old.Directory));
    }

    [Fact]
    public void The_cover_summary_language_and_category_keys_of_jekyll_themes_all_come_in()
    {
        using var old = new TestSite("""
            -- _config.yml --
            title: Themes
            permalink: pretty
            -- linux/_posts/2019-05-01-folder-category.md --
            ---
            title: In a category folder
            excerpt: Its excerpt.
            language: en
            image:
              feature: /img/wide.png
            ---

            A [link]({{ "/about/" | relative_url }}).
            -- _posts/2019-05-02-thumbnail.md --
            ---
            title: Thumbnail
            thumbnail: /img/wide.png
            lang: fr
            ---

            Texte.
            -- _drafts/unfinished.md --
            ---
            title: Unfinished
            date: 2019-06-01 10:00:00 +0200
            feature-img: img/wide.png
            ---

            Draft.
            """, withDefaultTheme: false);
        old.WriteBytes("img/wide.png", TestImages.Png(1200, 600));
        using var site = new TestSite(NewSite);

        var summary = SiteImporter.Import(OldGenerator.Jekyll, old.Directory, site.Directory, new DiagnosticBag());

        Assert.Equal(3, summary!.Articles);
        Assert.Equal("""
            ---
            title: "In a category folder"
            date: 2019-05-01
            category: "linux"
            summary: "Its excerpt."
            image:
              src: "wide.png"
              alt: ""
            lang: "en"
            aliases:
              - "/linux/2019/05/01/folder-category/"
            ---

            A [link](/about/).

            """, File.ReadAllText(Path.Combine(site.Directory, "content/posts/folder-category/index.md")).ReplaceLineEndings("\n"));
        var thumbnail = File.ReadAllText(Path.Combine(site.Directory, "content/posts/thumbnail/index.md"));
        Assert.Contains("image:\n  src: \"wide.png\"", thumbnail.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("lang: \"fr\"", thumbnail, StringComparison.Ordinal);
        var draft = File.ReadAllText(Path.Combine(site.Directory, "content/posts/unfinished/index.md"));
        Assert.Contains("date: 2019-06-01T10:00:00+02:00", draft, StringComparison.Ordinal);
        Assert.Contains("draft: true", draft, StringComparison.Ordinal);
        Assert.Contains("src: \"wide.png\"", draft, StringComparison.Ordinal);
        site.BuildSuccessfully(o => o with { IncludeDrafts = true });
    }
}
