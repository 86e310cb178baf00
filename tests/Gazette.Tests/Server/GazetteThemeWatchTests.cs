using Gazette.Server;
using Gazette.Tests.Support;

namespace Gazette.Tests.Server;

/// <summary>A site without themes/ uses Gazette's own theme: the dev server follows edits there too.</summary>
public sealed class GazetteThemeWatchTests
{
    [Fact]
    public async Task An_edit_of_gazettes_own_theme_updates_a_site_that_uses_it()
    {
        using var gazette = new TestSite("");  // stands for Gazette's folder: its themes/default/
        using var site = new TestSite("-- site.yml --\ntitle: T\nbase_url: https://example.org/\n", withDefaultTheme: false);
        site.Write("content/posts/a.md", TestSite.Article(title: "Premier", date: "2024-01-01"));
        var themes = Path.Combine(gazette.Directory, "themes");
        await using var server = await DevServer.StartAsync(new DevServerOptions
        {
            Build = new BuildOptions { SourceDirectory = site.Directory, Minify = false, GazetteThemes = themes },
            Port = 0,
            Debounce = TimeSpan.FromMilliseconds(50),
        }, TextWriter.Null, TestContext.Current.CancellationToken);
        Assert.Contains("Premier", site.ReadOutput("2024/01/a/index.html"), StringComparison.Ordinal);

        gazette.Write("themes/default/layouts/article.html", "<p>thème de Gazette modifié : {{ page.title }}</p>\n");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!site.ReadOutput("2024/01/a/index.html").Contains("thème de Gazette modifié : Premier", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Contains("thème de Gazette modifié : Premier", site.ReadOutput("2024/01/a/index.html"), StringComparison.Ordinal);
    }
}
