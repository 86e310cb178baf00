using Gazette.Configuration;
using Gazette.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Gazette.Templates;

/// <summary>The <c>site</c> object templates see: configuration values, then the article lists
/// and taxonomies once the model is resolved. Its members cannot be assigned, and a read of one
/// of the site's lists is recorded for the page being rendered.</summary>
internal sealed class SiteObject : ScriptObject, IEntityView
{
    /// <summary>One language's edition as a language switcher shows it.</summary>
    public sealed record SiteEdition(string Code, string Name, string HomeUrl);

    private SiteModel? _model;

    /// <summary>The edition shown: what pages read of this object is recorded on it.</summary>
    public object Entity => _model ?? throw new InvalidOperationException("the site object is not filled yet");

    /// <summary>This object filled: what another language's edition's templates see as <c>site</c>.</summary>
    public SiteObject Filled(SiteModel model, SiteUrls urls, IReadOnlyList<Images.SiteIcon> icons, Images.SiteLogo? logo)
    {
        Fill(model, urls, icons, logo);
        return this;
    }

    /// <param name="icons">What pages link as the site's icons (<c>site.icons</c>).</param>
    /// <param name="logo">The publisher's logo with its size (<c>site.logo</c>).</param>
    public void Fill(SiteModel model, SiteUrls urls, IReadOnlyList<Images.SiteIcon> icons, Images.SiteLogo? logo)
    {
        var config = model.Config;
        _model = model;
        void Set(string name, object? value) => SetValue(name, value, readOnly: true);
        Set("title", config.Title);
        Set("description", config.Description);
        Set("base_url", config.BaseUrl);
        Set("base_path", urls.BasePath);
        Set("language", config.Language);
        Set("copyright", config.Copyright);
        Set("publisher", config.Publisher);
        Set("menu", config.Menu);
        Set("home", config.Home);
        Set("icons", icons);
        Set("logo", logo);
        Set("social", config.Social);
        Set("legal_url", config.Legal is null ? null : urls.RootRelative(config.Legal));
        Set("contact_url", config.Contact is null ? null : config.Contact.Contains('@') && !config.Contact.Contains(':') ? "mailto:" + config.Contact : config.Contact);
        Set("params", config.Params);
        Set("home_url", urls.ForOutput(model.Prefix));
        Set("search_url", model.SearchUrl);
        // The language switcher's: every edition's home, in site.yml's order (one on a site in one language).
        Set("languages", config.Editions.Select(e => new SiteEdition(e.Code, e.Name, urls.ForOutput(config.PrefixOf(e.Code)))).ToList());
        foreach (var (name, read) in ModelMembers.Site.Members)
        {
            Set(name, read(model));
        }
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object value)
    {
        if (_model is not null && (context as HtmlTemplateContext)?.Reads is { } reads && ModelMembers.Site.IndexOf(member) is var index and >= 0)
        {
            reads.Read(_model, index);
        }

        var found = base.TryGetValue(context!, span, member, out var read);
        value = read!;
        return found;
    }
}
