using System.Globalization;
using Gazette.Diagnostics;

namespace Gazette.Yaml;

/// <summary>
/// Reads typed fields out of a positioned YAML mapping, reporting wrong types at the value's
/// line in the author's file. Remembers which keys were read so the rest can be reported as
/// unknown (a typo like <c>titel:</c> must not pass silently).
/// </summary>
internal sealed class YamlFieldReader
{
    private readonly YamlMapping _mapping;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFieldReader(YamlMapping mapping, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        _mapping = mapping;
        Path = path;
        LineOffset = lineOffset;
        Diagnostics = diagnostics;
    }

    public string Path { get; }
    public int LineOffset { get; }
    public DiagnosticBag Diagnostics { get; }

    public SourceLocation LocationOf(YamlValue node) => new(Path, node.Line + LineOffset, node.Column);

    public SourceLocation MappingLocation => LocationOf(_mapping);

    public YamlFieldReader Nested(YamlMapping mapping) => new(mapping, Path, LineOffset, Diagnostics);

    /// <summary>The raw node of a key (marked as read), or null when absent or explicitly null.</summary>
    public YamlValue? Node(string key)
    {
        _read.Add(key);
        var node = _mapping[key];
        return node is YamlScalar { IsNull: true } ? null : node;
    }

    public string? String(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Diagnostics.Error(DiagnosticCodes.YamlMissingField, MappingLocation,
                    $"missing required field '{key}'; add a line such as '{key}: ...'");
            }

            return null;
        }

        if (node is YamlScalar scalar)
        {
            return scalar.Value;
        }

        WrongType(key, node, "text");
        return null;
    }

    /// <summary>A URL, refused (an error at its value, null returned) unless <see cref="Text.UrlPolicy"/> allows it.</summary>
    public string? Url(string key, bool required = false)
    {
        var url = String(key, required);
        if (url is not null && !Text.UrlPolicy.IsAllowed(url))
        {
            Diagnostics.Error(DiagnosticCodes.UnsafeMarkup, LocationOf(_mapping[key]!),
                $"'{key}' is '{Shorten(url)}': a {Text.UrlPolicy.SchemeOf(url)}: URL can run code or leave the web; use {Text.UrlPolicy.Allowed}");
            return null;
        }

        return url;
    }

    public bool? Bool(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsPlain: true } scalar)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE" or "yes" or "Yes" or "on":
                    return true;
                case "false" or "False" or "FALSE" or "no" or "No" or "off":
                    return false;
            }
        }

        WrongType(key, node, "true or false");
        return null;
    }

    public int? Int(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar
            && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
            {
                Diagnostics.Error(DiagnosticCodes.YamlWrongType, LocationOf(node),
                    $"'{key}' is {value}, but it must be between {min} and {max}");
                return null;
            }

            return value;
        }

        WrongType(key, node, "a whole number");
        return null;
    }

    public double? Number(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }

        WrongType(key, node, "a number");
        return null;
    }

    /// <summary>A list of strings; a single string is accepted as a one-item list (<c>tags: OpenAI</c>).</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalar { IsPlain: false } single:
                return [single.Value];
            case YamlScalar { IsPlain: true } single when !IsNumberOrBool(single.Value):
                return [single.Value];
            case YamlSequence sequence:
                var items = new List<string>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar { IsNull: false } text)
                    {
                        items.Add(text.Value);
                    }
                    else
                    {
                        Diagnostics.Error(DiagnosticCodes.YamlWrongType, LocationOf(item),
                            $"each item of '{key}' must be text, found {item.KindName}");
                    }
                }

                return items;
            default:
                WrongType(key, node, "a list of text, such as [a, b]");
                return [];
        }
    }

    public YamlMapping? Mapping(string key)
    {
        var node = Node(key);
        if (node is null or YamlMapping)
        {
            return (YamlMapping?)node;
        }

        WrongType(key, node, "a mapping of 'key: value' lines");
        return null;
    }

    public void WrongType(string key, YamlValue node, string expected)
    {
        var found = node is YamlScalar scalar && !scalar.IsNull ? $"'{Shorten(scalar.Value)}'" : node.KindName;
        Diagnostics.Error(DiagnosticCodes.YamlWrongType, LocationOf(node),
            $"'{key}' must be {expected}, found {found}");
    }

    /// <summary>The entries no field reader asked for.</summary>
    public IEnumerable<KeyValuePair<YamlScalar, YamlValue>> UnreadEntries() =>
        _mapping.Entries.Where(e => !_read.Contains(e.Key.Value));

    public void ReportUnread(string code, string where, IReadOnlyCollection<string> known)
    {
        foreach (var entry in UnreadEntries())
        {
            var hint = ClosestKnown(entry.Key.Value, known);
            // What the author wrote there is dropped: say so, and what it was.
            var lost = entry.Value is YamlScalar { Value.Length: > 0 } scalar ? $"Gazette does not use its value '{Shorten(scalar.Value)}'" : "Gazette does not use its value";
            Diagnostics.Warning(code, LocationOf(entry.Key),
                $"unknown key '{entry.Key.Value}' in {where}: {lost}" + (hint is null ? "" : $"; did you mean '{hint}'?"));
        }
    }

    private static bool IsNumberOrBool(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || value is "true" or "false";

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";

    /// <summary>The known key within edit distance 2, to turn "unknown key" into "did you mean".</summary>
    internal static string? ClosestKnown(string key, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var candidate in known)
        {
            var distance = EditDistance(key, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return 3;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The value of <paramref name="key"/>, one of <paramref name="choices"/>; another
    /// value is reported (wrong type) and read as absent.</summary>
    public string? Choice(string key, params string[] choices)
    {
        var node = Node(key);
        var value = String(key);
        if (node is null || choices.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        WrongType(key, node, string.Join(", ", choices[..^1]) + " or " + choices[^1]);
        return null;
    }
}
