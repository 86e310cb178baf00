using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;

namespace Gazette.Model;

/// <summary>One language's version of a page, as its translations link to it.</summary>
public sealed record Translation(string Lang, string Url, string AbsoluteUrl, string Title);

/// <summary>
/// The translations of a site in several languages: the files of one bundle (<c>index.md</c>,
/// <c>index.en.md</c>), of one name (<c>about.md</c>, <c>about.en.md</c>), or sharing a
/// <c>translation_key:</c> are one article in several languages. Each document is given every
/// language's version of it, in the order of site.yml's <c>languages:</c>.
/// </summary>
internal static class Translations
{
    /// <param name="sources">Every content file, published or not (a draft original is still an original).</param>
    /// <param name="published">The published documents and the files they come from.</param>
    public static void Link(SiteConfig config, IReadOnlyList<SourceDocument> sources, IReadOnlyList<(SourceDocument Source, Document Document)> published,
        DiagnosticBag diagnostics)
    {
        var order = config.Editions.Select(e => e.Code).ToList();
        var defaultLanguage = order[0];
        foreach (var group in sources.GroupBy(s => s.TranslationKey, StringComparer.Ordinal))
        {
            var files = group.OrderBy(s => s.SourcePath, StringComparer.Ordinal).ToList();
            var byLanguage = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var language = file.LanguageOr(defaultLanguage);
                if (!byLanguage.TryAdd(language, file))
                {
                    diagnostics.Error(DiagnosticCodes.TranslationInvalid, SourceLocation.File(file.SourcePath),
                        $"'{file.SourcePath}' and '{byLanguage[language].SourcePath}' are both the '{language}' version of one article; "
                        + "name this one for its own language (index.en.md) or give it another 'translation_key:'");
                }
            }

            if (!byLanguage.ContainsKey(defaultLanguage) && files.TrueForAll(f => f.LanguageSuffix is not null))
            {
                foreach (var file in files)
                {
                    var original = file.BundleDirectory is not null ? "index.md" : file.DefaultSlug + ".md";
                    diagnostics.Error(DiagnosticCodes.TranslationInvalid, SourceLocation.File(file.SourcePath),
                        $"'{file.SourcePath}' is the '{file.LanguageSuffix}' translation of an article that has no original: add '{original}' "
                        + $"beside it in the default language ({defaultLanguage}), or name this file '{original}' with 'lang: {file.LanguageSuffix}'");
                }
            }
        }

        foreach (var group in published.GroupBy(p => p.Source.TranslationKey, StringComparer.Ordinal))
        {
            List<Translation> versions = [.. group.Select(p => p.Document).DistinctBy(d => d.Lang)
                .OrderBy(d => order.IndexOf(d.Lang) is var at and >= 0 ? at : order.Count)
                .Select(d => new Translation(d.Lang, d.Url, d.AbsoluteUrl, d.Title))];
            if (versions.Count < 2)
            {
                continue; // not translated: it links no other version
            }

            foreach (var (_, document) in group)
            {
                document.Translations = versions;
            }
        }
    }
}
