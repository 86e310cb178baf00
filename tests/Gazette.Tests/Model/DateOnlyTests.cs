using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Model;

/// <summary>A date written without a time (<c>date: 2015-11-09</c>, as imported archives have them;
/// <c>updated:</c> too) is shown without a made-up "0 h 00", and <c>check</c> does not ask for its timezone.</summary>
public class DateOnlyTests
{
    [Fact]
    public void Templates_know_whether_the_date_has_a_time()
    {
        using var site = new TestSite("""
            -- site.yml --
            title: T
            -- layouts/baseof.html --
            {{ content }}
            -- layouts/article.html --
            {{ page.title }}={{ page.date_has_time }},{{ page.updated_has_time }}
            -- content/posts/day.md --
            ---
            title: Day
            date: 2015-11-09
            updated: 2015-11-10
            ---
            -- content/posts/hour.md --
            ---
            title: Hour
            date: 2015-11-09T10:30:00+01:00
            ---
            """);
        site.BuildSuccessfully();

        Assert.Equal("Day=false,false", site.ReadOutput("2015/11/day/index.html").Trim());
        Assert.Equal("Hour=true,true", site.ReadOutput("2015/11/hour/index.html").Trim());
    }

    [Fact]
    public void The_default_theme_prints_the_day_alone_and_check_asks_for_no_timezone()
    {
        using var site = new TestSite("-- site.yml --\ntitle: T\n-- content/posts/day.md --\n" + TestSite.Article(title: "Day", date: "2015-11-09", extra: "updated: 2015-11-10\n"));
        var result = site.BuildSuccessfully(o => o with { CheckOnly = true });
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.DateWithoutTimezone);

        site.BuildSuccessfully();
        var times = site.ParseOutput("2015/11/day/index.html").QuerySelectorAll(".byline time").Select(t => t.TextContent);
        Assert.Equal(["9 novembre 2015", "10 novembre 2015"], times);
    }
}
