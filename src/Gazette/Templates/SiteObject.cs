using Gazette.Model;
using Scriban.Runtime;

namespace Gazette.Templates;

/// <summary>Fills the <c>site</c> object templates see: configuration values, then the article
/// lists and taxonomies once the model is resolved.</summary>
internal static class SiteObject
{
    public static void Fill(ScriptObject site, SiteModel model, SiteUrls urls)
    {
        var config = model.Config;
        site["title"] = config.Title;
        site["description"] = config.Description;
        site["base_url"] = config.BaseUrl;
        site["base_path"] = urls.BasePath;
        site["language"] = config.Language;
        site["copyright"] = config.Copyright;
        site["publisher"] = config.Publisher;
        site["menu"] = config.Menu;
        site["params"] = config.Params;
        site["articles"] = model.Articles;
        site["pages"] = model.Pages;
        site["tags"] = model.Tags;
        site["categories"] = model.Categories;
        site["authors"] = model.Authors;
        site["home_url"] = urls.BasePath;
    }
}
