using System.Reflection;
using Gazette.Content;
using Gazette.Markdown;
using Gazette.Model;
using Gazette.Templates;
using Gazette.Text;
using Scriban.Runtime;

namespace Gazette.Tests.Templates;

public class ModelAccessorTests
{
    private static readonly Figure Photo = new("/a.jpg", "https://x.org/a.jpg", "Alt", 1200, 800, new HtmlString("Légende"), "Légende",
        new HtmlString("AFP"), "AFP", "https://afp.com", "© AFP", IsCover: true)
    { FileSize = 1234, MediaType = "image/jpeg" };

    private static readonly Gazette.Configuration.SiteConfig Config = new() { Title = "Le Fil", BaseUrl = "https://x.org/" };

    private static readonly TermLink Tag = new("IA", "ia", "/tags/ia/");

    private static Document Article() => new(
        new Placement(new DateTimeOffset(2024, 9, 1, 8, 0, 0, TimeSpan.Zero), null, ["IA"], "IA", [], []),
        new DocumentContent { Title = "Titre", Summary = "Chapô", Cover = Photo, WordCount = 460, ContentHtml = new ArticleBody([new HtmlString("<p>Texte</p>")], [], null, "fr") })
    {
        Kind = DocumentKind.Article,
        SourcePath = "content/posts/a.md",
        Slug = "a",
        Lang = "fr",
        Url = "/2024/09/a/",
        AbsoluteUrl = "https://x.org/2024/09/a/",
        OutputPath = "2024/09/a/index.html",
        Tags = [Tag],
        Category = Tag,
        StructuredData = new StructuredData(Config, new Gazette.Configuration.SiteUrls(Config)),
    };

    public static TheoryData<string> Types => ["Document", "Figure", "TermLink", "Term", "Taxonomy"];

    /// <summary>Every public property, under the name templates use for it (Scriban's renamer),
    /// reads the same through the direct accessor as through reflection.</summary>
    [Theory]
    [MemberData(nameof(Types))]
    public void Every_public_property_is_read_directly_with_the_value_reflection_gives(string type)
    {
        var article = Article();
        var term = new Term { Name = "IA", Slug = "ia", Url = "/tags/ia/" };
        term.ArticleList.Add(article);
        var taxonomy = new Taxonomy { Name = "tags", Segment = "tags", Url = "/tags/" };
        taxonomy.TermList.Add(term);
        (object target, Func<string, object?> read) = type switch
        {
            "Document" => ((object)article, (Func<string, object?>)(member => Read(ModelMembers.Documents, article, member))),
            "Figure" => (Photo, member => Read(ModelMembers.Figures, Photo, member)),
            "TermLink" => (Tag, member => Read(ModelMembers.TermLinks, Tag, member)),
            "Term" => (term, member => Read(ModelMembers.Terms, term, member)),
            _ => (taxonomy, member => Read(ModelMembers.Taxonomies, taxonomy, member)),
        };

        var properties = target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            var name = StandardMemberRenamer.Default(property);
            var direct = read(name);
            Assert.False(ReferenceEquals(direct, Missing), $"{type}.{property.Name} ('{name}') is not read directly");
            Assert.Equal(property.GetValue(target), direct);
        }

        Assert.Same(Missing, read("no_such_member"));
    }

    private static readonly object Missing = new();

    private static object? Read<T>(ModelMembers.Table<T> table, T target, string member) =>
        table.IndexOf(member) is var index and >= 0 ? table.Members[index].Read(target) : Missing;
}
