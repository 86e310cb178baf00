namespace Gazette.Configuration;

/// <summary>What a language switcher calls a language, in that language (site.yml's
/// <c>languages.&lt;code&gt;.name</c> says it otherwise). Written here rather than asked of the
/// culture data, which the native program may run without.</summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fr"] = "Français",
        ["en"] = "English",
        ["de"] = "Deutsch",
        ["es"] = "Español",
        ["it"] = "Italiano",
        ["pt"] = "Português",
        ["nl"] = "Nederlands",
        ["ca"] = "Català",
        ["br"] = "Brezhoneg",
        ["eu"] = "Euskara",
        ["ar"] = "العربية",
        ["zh"] = "中文",
        ["ja"] = "日本語",
        ["uk"] = "Українська",
        ["pl"] = "Polski",
    };

    public static string Of(string code) => Names.GetValueOrDefault(code.Split('-')[0]) ?? code;
}
