using System.Globalization;
using System.Text;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Yaml;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Gazette.Import;

/// <summary>
/// Reads the front matter of an old site's file: YAML between <c>---</c> lines (Jekyll, Hugo,
/// Eleventy) or TOML between <c>+++</c> lines (Hugo), into one tree whose nodes know their line.
/// YAML that Ruby's and JavaScript's parsers accept and Gazette's refuses (a quoted value whose
/// continuation lines start at column 0) is normalised first.
/// </summary>
internal static class OldFrontMatter
{
    /// <returns>The front matter, the body and the lines before it; null when the file cannot be read
    /// (reported at its line).</returns>
    public static (YamlMapping FrontMatter, string Body, int BodyLineOffset)? Read(string text, string displayPath, DiagnosticBag diagnostics)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var marker = text.StartsWith("---", StringComparison.Ordinal) ? "---" : text.StartsWith("+++", StringComparison.Ordinal) ? "+++" : null;
        if (marker is null)
        {
            return (new YamlMapping(1, 1), text, 0);
        }

        var split = FrontMatterParser.Split(text, marker);
        if (!split.Closed)
        {
            diagnostics.Warning(DiagnosticCodes.ImportSkipped, new SourceLocation(displayPath, 1, 1),
                $"the front matter opened by '{marker}' is never closed; the file is not imported");
            return null;
        }

        var mapping = marker == "+++" ? ReadToml(split.Header, displayPath, diagnostics) : ReadYaml(split.Header, displayPath, diagnostics);
        return mapping is null ? null : (mapping, split.Body, split.BodyLineOffset);
    }

    private static YamlMapping? ReadYaml(string yaml, string displayPath, DiagnosticBag diagnostics)
    {
        var (root, problems) = YamlDocumentReader.Read(yaml);
        if (problems.Count > 0 && ContinuedQuotes(yaml) is { } normalised)
        {
            (root, problems) = YamlDocumentReader.Read(normalised);
        }

        if (problems.Count > 0)
        {
            var problem = problems[0];
            diagnostics.Warning(DiagnosticCodes.ImportSkipped, new SourceLocation(displayPath, problem.Line + 1, problem.Column),
                $"{problem.Message}; the file is not imported (fix its front matter, then import again)");
            return null;
        }

        return root as YamlMapping ?? new YamlMapping(1, 1);
    }

    /// <summary>Indents the continuation lines of a quoted value that start at column 0 (Psych and
    /// js-yaml read them as part of the value); null when there is none.</summary>
    internal static string? ContinuedQuotes(string yaml)
    {
        var builder = new StringBuilder(yaml.Length + 64);
        var changed = false;
        char? open = null;
        foreach (var line in yaml.Split('\n'))
        {
            var current = line;
            if (open is { } quote)
            {
                if (current.Length > 0 && current[0] != ' ')
                {
                    current = "  " + current;
                    changed = true;
                }

                if (Closes(current, quote))
                {
                    open = null;
                }
            }
            else if (ValueStart(current) is { } start && current[start] is '"' or '\'' && !Closes(current[(start + 1)..], current[start]))
            {
                open = current[start];
            }

            builder.Append(current).Append('\n');
        }

        return changed ? builder.ToString(0, builder.Length - 1) : null;
    }

    private static int? ValueStart(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || line.TrimStart().StartsWith('#'))
        {
            return null;
        }

        var start = colon + 2;
        while (start < line.Length && line[start] == ' ')
        {
            start++;
        }

        return start < line.Length ? start : null;
    }

    /// <summary>True when <paramref name="text"/> holds the quote that closes the value (a doubled
    /// <c>''</c> or an escaped <c>\"</c> does not close it).</summary>
    private static bool Closes(string text, char quote)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    private static YamlMapping? ReadToml(string toml, string displayPath, DiagnosticBag diagnostics)
    {
        var document = SyntaxParser.Parse(toml, displayPath, validate: true);
        if (document.HasErrors)
        {
            var first = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            diagnostics.Warning(DiagnosticCodes.ImportSkipped, new SourceLocation(displayPath, first.Span.Start.Line + 2, first.Span.Start.Column + 1),
                $"TOML: {first.Message}; the file is not imported (fix its front matter, then import again)");
            return null;
        }

        return TomlTree(document);
    }

    /// <summary>A TOML document as the tree YAML gives, its lines counted from 1 as YAML's are.</summary>
    internal static YamlMapping TomlTree(DocumentSyntax document)
    {
        var root = new YamlMapping(1, 1);
        foreach (var keyValue in document.KeyValues)
        {
            Add(root, keyValue);
        }

        foreach (var table in document.Tables)
        {
            var names = Names(table.Name);
            var target = root;
            for (var i = 0; i < names.Count; i++)
            {
                var isLast = i == names.Count - 1;
                var existing = target[names[i]];
                if (table is TableArraySyntax && isLast)
                {
                    var sequence = existing as YamlSequence ?? Set(target, names[i], new YamlSequence(Line(table), 1));
                    var item = new YamlMapping(Line(table), 1);
                    sequence.Items.Add(item);
                    target = item;
                }
                else
                {
                    target = existing as YamlMapping ?? (existing is YamlSequence { Items: [.., YamlMapping last] } ? last : Set(target, names[i], new YamlMapping(Line(table), 1)));
                }
            }

            foreach (var item in table.Items)
            {
                if (item is KeyValueSyntax keyValue)
                {
                    Add(target, keyValue);
                }
            }
        }

        return root;
    }

    private static int Line(SyntaxNode node) => node.Span.Start.Line + 1;

    private static T Set<T>(YamlMapping mapping, string key, T value)
        where T : YamlValue
    {
        mapping.Entries.Add(new(new YamlScalar(value.Line, value.Column, key, isPlain: true), value));
        return value;
    }

    private static List<string> Names(KeySyntax? key)
    {
        var names = new List<string>();
        if (key is null)
        {
            return names;
        }

        names.Add(KeyText(key.Key));
        foreach (var dotted in key.DotKeys)
        {
            names.Add(KeyText(dotted.Key));
        }

        return names;
    }

    private static string KeyText(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax text => text.Value ?? "",
        _ => "",
    };

    private static void Add(YamlMapping mapping, KeyValueSyntax keyValue)
    {
        var names = Names(keyValue.Key);
        var target = mapping;
        for (var i = 0; i < names.Count - 1; i++)
        {
            target = target[names[i]] as YamlMapping ?? Set(target, names[i], new YamlMapping(Line(keyValue), 1));
        }

        if (names.Count > 0 && keyValue.Value is { } value)
        {
            var line = Line(keyValue);
            target.Entries.Add(new(new YamlScalar(line, keyValue.Span.Start.Column + 1, names[^1], isPlain: true), Value(value, line)));
        }
    }

    private static YamlValue Value(ValueSyntax value, int line)
    {
        var column = value.Span.Start.Column + 1;
        switch (value)
        {
            case StringValueSyntax text:
                return new YamlScalar(line, column, text.Value ?? "", isPlain: false);
            case BooleanValueSyntax boolean:
                return new YamlScalar(line, column, boolean.Value ? "true" : "false", isPlain: true);
            case IntegerValueSyntax integer:
                return new YamlScalar(line, column, integer.Value.ToString(CultureInfo.InvariantCulture), isPlain: true);
            case FloatValueSyntax number:
                return new YamlScalar(line, column, number.Value.ToString(CultureInfo.InvariantCulture), isPlain: true);
            case DateTimeValueSyntax date:
                return new YamlScalar(line, column, date.Token?.Text ?? date.Value.ToString(), isPlain: true);
            case ArraySyntax array:
                var sequence = new YamlSequence(line, column);
                foreach (var item in array.Items)
                {
                    if (item.Value is { } itemValue)
                    {
                        sequence.Items.Add(Value(itemValue, Line(itemValue)));
                    }
                }

                return sequence;
            case InlineTableSyntax table:
                var mapping = new YamlMapping(line, column);
                foreach (var item in table.Items)
                {
                    if (item.KeyValue is { } keyValue)
                    {
                        Add(mapping, keyValue);
                    }
                }

                return mapping;
            default:
                return new YamlScalar(line, column, "", isPlain: true);
        }
    }
}
