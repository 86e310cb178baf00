using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Gazette.Yaml;

/// <summary>A YAML node with the 1-based position of its first character in the YAML text.</summary>
internal abstract class YamlValue(int line, int column)
{
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>A short name of the node's kind, for "expected X, found Y" messages.</summary>
    public abstract string KindName { get; }
}

internal sealed class YamlScalar(int line, int column, string value, bool isPlain) : YamlValue(line, column)
{
    public string Value { get; } = value;

    /// <summary>Unquoted: only plain scalars may mean null, booleans or numbers.</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "nothing" : "text";

    /// <summary>Quoting, position and text, as in <c>plain@2:8&lt;Paris&gt;</c> (two readers' trees compare by it).</summary>
    public override string ToString() => $"{(IsPlain ? "plain" : "quoted")}@{Line}:{Column}<{Value}>";
}

internal sealed class YamlSequence(int line, int column) : YamlValue(line, column)
{
    public List<YamlValue> Items { get; } = [];

    public override string KindName => "a list";

    public override string ToString() => $"seq@{Line}:{Column}[{string.Join(", ", Items)}]";
}

internal sealed class YamlMapping(int line, int column) : YamlValue(line, column)
{
    public List<KeyValuePair<YamlScalar, YamlValue>> Entries { get; } = [];

    public override string KindName => "a mapping";

    public override string ToString() => $"map@{Line}:{Column}{{{string.Join(", ", Entries.Select(e => $"{e.Key}: {e.Value}"))}}}";

    public YamlValue? this[string key]
    {
        get
        {
            // A loop, not LINQ: front matter fields are looked up by name in every article.
            foreach (var (entryKey, value) in Entries)
            {
                if (entryKey.Value == key)
                {
                    return value;
                }
            }

            return null;
        }
    }
}

/// <summary>A problem found while reading YAML, positioned in the YAML text (1-based).</summary>
internal sealed record YamlProblem(string Code, string Message, int Line, int Column);

/// <summary>
/// Reads one YAML document into a small positioned tree. We walk YamlDotNet's event parser
/// ourselves rather than use its deserializer or representation model because we need what
/// those hide: the position of every key (for unknown and duplicate keys), a refusal of type
/// tags (nothing is ever instantiated from user data), aliases that share nodes instead of
/// copying them (an alias bomb stays small) and a nesting bound (no stack overflow).
/// </summary>
internal static class YamlDocumentReader
{
    private const int MaxDepth = 64;

    public static (YamlValue? Root, List<YamlProblem> Problems) Read(string yaml) =>
        SimpleYamlReader.TryRead(yaml) is { } simple ? (simple, []) : ReadWithYamlDotNet(yaml);

    /// <summary>Reads any YAML through YamlDotNet's parser; <see cref="Read"/> first tries the
    /// everyday shape of front matter, which <see cref="SimpleYamlReader"/> reads faster.</summary>
    internal static (YamlValue? Root, List<YamlProblem> Problems) ReadWithYamlDotNet(string yaml)
    {
        var problems = new List<YamlProblem>();
        var parser = new Parser(new StringReader(yaml));
        var anchors = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        YamlValue? root = null;
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return (null, problems);
            }

            parser.Consume<DocumentStart>();
            root = ReadNode(parser, anchors, problems, depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                problems.Add(new YamlProblem(Diagnostics.DiagnosticCodes.YamlSyntax,
                    "a second YAML document starts here; front matter holds exactly one document (remove the extra '---')",
                    (int)second.Start.Line, (int)second.Start.Column));
            }
        }
        catch (YamlException e)
        {
            var (line, column) = ((int)e.Start.Line, (int)e.Start.Column);
            if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndent(yaml) is { } tab)
            {
                (line, column) = tab; // YamlDotNet points at the mapping; the author needs the tab's line
            }

            problems.Add(new YamlProblem(Diagnostics.DiagnosticCodes.YamlSyntax, DescribeYamlError(e, yaml, line), line, column));
            return (null, problems);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these on some malformed input (an unclosed '[' followed by
            // more lines): report them at the last position it reached, like its own errors.
            var mark = parser.Current?.Start;
            problems.Add(new YamlProblem(Diagnostics.DiagnosticCodes.YamlSyntax,
                "invalid YAML: look for an unclosed '[', '{' or quote on this line or the ones before",
                (int)(mark?.Line ?? 1), (int)(mark?.Column ?? 1)));
            return (null, problems);
        }
        catch (DepthExceededException e)
        {
            problems.Add(new YamlProblem(Diagnostics.DiagnosticCodes.YamlUnsupported,
                $"YAML nested more than {MaxDepth} levels deep; flatten it", e.Line, e.Column));
            return (null, problems);
        }

        return (root, problems);
    }

    private static YamlValue ReadNode(IParser parser, Dictionary<string, YamlValue> anchors, List<YamlProblem> problems, int depth)
    {
        var ev = parser.Current ?? throw new YamlException("unexpected end of YAML");
        int line = (int)ev.Start.Line, column = (int)ev.Start.Column;
        if (depth > MaxDepth)
        {
            throw new DepthExceededException(line, column);
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            problems.Add(new YamlProblem(Diagnostics.DiagnosticCodes.YamlUnsupported,
                $"alias '*{alias.Value.Value}' refers to an anchor that is not defined before it (an alias cannot refer to itself)",
                line, column));
            return new YamlScalar(line, column, "", isPlain: true);
        }

        if (ev is NodeEvent node && !node.Tag.IsEmpty && !IsStandardTag(node.Tag.Value))
        {
            problems.Add(new YamlProblem(Diagnostics.DiagnosticCodes.YamlUnsupported,
                $"YAML type tag '{node.Tag.Value}' is not allowed in front matter; remove it (Gazette never creates objects from tags)",
                line, column));
        }

        YamlValue result;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            result = new YamlScalar(line, column, scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty);
            if (scalar.Value.AsSpan().IndexOfAny(Text.XmlText.Forbidden) is var at and >= 0)
            {
                // Only an escape (\x1b, \uFFFE) brings one here: the file's own bytes were cleaned when read.
                problems.Add(new YamlProblem(Diagnostics.DiagnosticCodes.ControlCharacter,
                    $"the text holds the invisible character U+{(int)scalar.Value[at]:X4}, which HTML and feeds cannot carry; remove its escape",
                    line, column));
            }
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            var sequence = new YamlSequence(line, column);
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                sequence.Items.Add(ReadNode(parser, anchors, problems, depth + 1));
            }

            result = sequence;
        }
        else if (parser.TryConsume<MappingStart>(out _))
        {
            var mapping = new YamlMapping(line, column);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, anchors, problems, depth + 1);
                var value = ReadNode(parser, anchors, problems, depth + 1);
                if (keyNode is not YamlScalar key)
                {
                    problems.Add(new YamlProblem(Diagnostics.DiagnosticCodes.YamlSyntax,
                        "a key must be plain text, not a list or a mapping", keyNode.Line, keyNode.Column));
                    continue;
                }

                if (!seen.Add(key.Value))
                {
                    problems.Add(new YamlProblem(Diagnostics.DiagnosticCodes.YamlDuplicateKey,
                        $"duplicate key '{key.Value}'; it was already set above, keep only one", key.Line, key.Column));
                    continue;
                }

                mapping.Entries.Add(new(key, value));
            }

            result = mapping;
        }
        else
        {
            throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }

        if (ev is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            anchors[anchored.Anchor.Value] = result;
        }

        return result;
    }

    private static (int Line, int Column)? FirstTabIndent(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static bool IsStandardTag(string tag) =>
        tag is "!" or "!!str" or "tag:yaml.org,2002:str" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float"
            or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null" or "tag:yaml.org,2002:seq" or "tag:yaml.org,2002:map"
            or "tag:yaml.org,2002:timestamp";

    /// <summary>YamlDotNet's messages sometimes repeat the position in parentheses; keep the words only,
    /// since we print the position ourselves in the author's file.</summary>
    private static string DescribeYamlError(YamlException e, string yaml, int line)
    {
        var message = e.Message;
        var cut = message.IndexOf("(Line:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        message = message.Trim().TrimEnd('.');
        if (message.Contains("Mapping values are not allowed", StringComparison.Ordinal)
            || message.Contains("found invalid mapping", StringComparison.Ordinal))
        {
            message += ValueHoldsColon(yaml, line)
                ? "; quote a value that contains ': ' (title: \"Foo: bar\")"
                : "; a key is indented differently from the keys above it: the keys of one block start in the same column";
        }
        else if (message.Contains("cannot start any token", StringComparison.Ordinal))
        {
            message += "; YAML indents with spaces, never tabs";
        }

        return $"invalid YAML: {message}";
    }

    /// <summary>Whether the line YamlDotNet stopped at reads <c>key: value</c> with ': ' in the value
    /// (the usual cause of its mapping error; else a key is mis-indented).</summary>
    private static bool ValueHoldsColon(string yaml, int line)
    {
        var lines = yaml.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return true;
        }

        var text = lines[line - 1].Trim();
        var first = text.IndexOf(": ", StringComparison.Ordinal);
        return first > 0 && text.IndexOf(": ", first + 2, StringComparison.Ordinal) > 0;
    }

    private sealed class DepthExceededException(int line, int column) : Exception
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }
}
