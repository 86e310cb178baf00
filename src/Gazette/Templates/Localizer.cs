using System.Globalization;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Text;
using Gazette.Yaml;

namespace Gazette.Templates;

/// <summary>
/// The theme's strings and date formats for one language, from <c>i18n/&lt;lang&gt;.yml</c>.
/// Dates are formatted from these files, not from the machine's culture data, so output is the
/// same on every machine ("25 septembre 2024 à 10 h 30").
/// </summary>
internal sealed class Localizer
{
    private readonly Dictionary<string, string> _strings;
    private readonly string[] _months;

    private Localizer(string language, Dictionary<string, string> strings, string[] months)
    {
        Language = language;
        _strings = strings;
        _months = months;
    }

    public string Language { get; }

    /// <summary>The string for <paramref name="key"/>; the key itself when the theme lacks it
    /// (visible on the page, so the gap gets noticed).</summary>
    public string Translate(string key) => _strings.TryGetValue(key, out var value) ? value : key;

    public bool Has(string key) => _strings.ContainsKey(key);

    /// <summary>"25 septembre 2024" / "September 25, 2024".</summary>
    public string FormatDate(DateTimeOffset date) =>
        Translate("date_format")
            .Replace("{day}", date.Day == 1 && Has("first_day") ? Translate("first_day") : date.Day.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", _months[date.Month - 1], StringComparison.Ordinal)
            .Replace("{year}", date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>"septembre 2024" / "September 2024", for month archives.</summary>
    public string FormatMonth(int year, int month) =>
        Translate("month_format")
            .Replace("{month}", _months[month - 1], StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>"25 septembre 2024 à 10 h 30" / "September 25, 2024 at 10:30".</summary>
    public string FormatDateTime(DateTimeOffset date) =>
        Translate("date_time_format")
            .Replace("{date}", FormatDate(date), StringComparison.Ordinal)
            .Replace("{time}", FormatTime(date), StringComparison.Ordinal);

    public string FormatTime(DateTimeOffset date) =>
        Translate("time_format")
            .Replace("{hour}", date.Hour.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{hour2}", date.Hour.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{minute}", date.Minute.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Loads the language files of the theme folder (and of the site's own i18n folder,
    /// whose keys win).</summary>
    public static Dictionary<string, Localizer> LoadAll(IEnumerable<(string Directory, string DisplayPrefix)> folders, DiagnosticBag diagnostics)
    {
        var strings = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var months = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (directory, prefix) in folders)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.yml").Order(StringComparer.Ordinal))
            {
                var language = Path.GetFileNameWithoutExtension(file);
                var display = prefix + Path.GetFileName(file);
                if (!TextFile.TryRead(file, display, diagnostics, out var text))
                {
                    continue;
                }

                var (root, problems) = YamlDocumentReader.Read(text);
                foreach (var problem in problems)
                {
                    diagnostics.Error(problem.Code, new SourceLocation(display, problem.Line, problem.Column), problem.Message);
                }

                if (root is not YamlMapping mapping)
                {
                    continue;
                }

                var table = strings.TryGetValue(language, out var existing) ? existing : strings[language] = new(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Entries)
                {
                    if (value is YamlScalar scalar)
                    {
                        table[key.Value] = scalar.Value;
                    }
                    else if (key.Value == "months" && value is YamlSequence list && list.Items.Count == 12)
                    {
                        months[language] = [.. list.Items.Select(i => (i as YamlScalar)?.Value ?? "")];
                    }
                    else
                    {
                        diagnostics.Error(DiagnosticCodes.YamlWrongType, new SourceLocation(display, value.Line, value.Column),
                            key.Value == "months" ? "'months' must list the 12 month names" : $"'{key.Value}' must be text");
                    }
                }
            }
        }

        return strings.ToDictionary(
            pair => pair.Key,
            pair => new Localizer(pair.Key, pair.Value, months.GetValueOrDefault(pair.Key) ?? EnglishMonths),
            StringComparer.Ordinal);
    }

    private static readonly string[] EnglishMonths =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>The strings used when the theme and the site have no i18n file at all (a theme
    /// written for itself): dates in English, every other key printed as itself.</summary>
    public static Localizer Builtin { get; } = new("en", new(StringComparer.Ordinal)
    {
        ["date_format"] = "{month} {day}, {year}",
        ["month_format"] = "{month} {year}",
        ["date_time_format"] = "{date} {time}",
        ["time_format"] = "{hour2}:{minute}",
    }, EnglishMonths);
}
