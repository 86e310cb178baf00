namespace Gazette.Yaml;

/// <summary>
/// Reads the everyday shape of front matter without YamlDotNet's scanner: <c>key: value</c>
/// lines, values that are plain, single- or double-quoted text on one line, one-line
/// <c>[a, "b"]</c> lists, <c>- item</c> lists and indented mappings. It makes the tree, with the
/// positions, that <see cref="YamlDocumentReader"/> makes from YamlDotNet's events for the same
/// text (a test and the fuzzer compare both), at a fraction of the cost: on 10 000 articles
/// YamlDotNet's scanner was a tenth of the build's processor time.
/// <para>
/// It gives up (returns null) on anything outside that shape, and on anything that may be an
/// error, so that YamlDotNet reads it and reports it: comments, escapes, anchors, tags, block
/// scalars, continued lines, empty values, tabs, duplicate keys, unusual keys or indents.
/// Giving up costs nothing but the time of YamlDotNet's reading.
/// </para>
/// </summary>
internal static class SimpleYamlReader
{
    private const int MaxDepth = 16;

    private static readonly System.Buffers.SearchValues<char> FlowPunctuation = System.Buffers.SearchValues.Create("{}[]:#");

    public static YamlMapping? TryRead(string yaml)
    {
        if (HasUnusualCharacter(yaml))
        {
            return null;
        }

        var lines = new Lines(yaml);
        if (lines.AtEnd || lines.Indent != 0)
        {
            return null;
        }

        var root = Mapping(ref lines, indent: 0, keyColumn: 0, depth: 0);
        return root is not null && lines.AtEnd && !lines.Refused ? root : null;
    }

    /// <summary>Control characters (tabs included), the byte order mark and the characters
    /// YAML counts as line breaks: YamlDotNet has rules of its own for all of them.</summary>
    private static bool HasUnusualCharacter(string yaml)
    {
        foreach (var c in yaml)
        {
            if ((c < ' ' && c != '\n') || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A block mapping whose keys start at <paramref name="keyColumn"/> (0-based) of
    /// the current line and of each following line indented by <paramref name="indent"/>.</summary>
    private static YamlMapping? Mapping(ref Lines lines, int indent, int keyColumn, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var mapping = new YamlMapping(lines.LineNumber, keyColumn + 1);
        var column = keyColumn;
        while (true)
        {
            var line = lines.Current;
            var keyLength = KeyLength(line[column..]);
            if (keyLength == 0)
            {
                return null;
            }

            var key = new YamlScalar(lines.LineNumber, column + 1, line.Slice(column, keyLength).ToString(), isPlain: true);
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key.Value == key.Value)
                {
                    return null; // YamlDotNet's path reports the duplicate
                }
            }

            var valueColumn = SkipSpaces(line, column + keyLength + 1);

            YamlValue? value;
            if (valueColumn < line.Length)
            {
                value = InlineValue(lines.LineNumber, line, valueColumn);
                lines.Next();
                if (value is null || lines.ContinuesAfter(indent))
                {
                    return null; // a value continued on the next lines
                }
            }
            else
            {
                lines.Next();
                value = NestedBlock(ref lines, indent, depth);
                if (value is null)
                {
                    return null;
                }
            }

            mapping.Entries.Add(new(key, value));
            if (lines.AtEnd || lines.Indent < indent)
            {
                return mapping;
            }

            if (lines.Indent > indent)
            {
                return null;
            }

            column = indent;
        }
    }

    /// <summary>What follows a <c>key:</c> that ends its line: a more indented mapping or list,
    /// or a list at the key's own indent (YAML allows both).</summary>
    private static YamlValue? NestedBlock(ref Lines lines, int keyIndent, int depth)
    {
        if (lines.AtEnd || lines.Indent < keyIndent)
        {
            return null; // an empty value: YamlDotNet's path places it
        }

        var childIndent = lines.Indent;
        if (IsItem(lines.Current[childIndent..]))
        {
            return Sequence(ref lines, childIndent, depth + 1);
        }

        return childIndent > keyIndent ? Mapping(ref lines, childIndent, childIndent, depth + 1) : null;
    }

    private static YamlSequence? Sequence(ref Lines lines, int indent, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var sequence = new YamlSequence(lines.LineNumber, indent + 1);
        while (!lines.AtEnd && lines.Indent == indent && IsItem(lines.Current[indent..]))
        {
            var line = lines.Current;
            var itemColumn = SkipSpaces(line, indent + 1);

            if (itemColumn == line.Length)
            {
                return null; // "-" alone: the item is on the next lines
            }

            if (KeyLength(line[itemColumn..]) > 0)
            {
                // "- key: value" opens a mapping whose keys line up with this first one.
                var item = Mapping(ref lines, itemColumn, itemColumn, depth + 1);
                if (item is null)
                {
                    return null;
                }

                sequence.Items.Add(item);
                continue;
            }

            var value = InlineValue(lines.LineNumber, line, itemColumn);
            lines.Next();
            if (value is null || lines.ContinuesAfter(indent))
            {
                return null;
            }

            sequence.Items.Add(value);
        }

        return lines.AtEnd || lines.Indent <= indent ? sequence : null;
    }

    private static bool IsItem(ReadOnlySpan<char> text) => text is ['-'] or ['-', ' ', ..];

    /// <summary>The length of a <c>key:</c> (ASCII letters, digits, '_' and '-', then a colon
    /// that ends the line or is followed by a space), without the colon; 0 when it is not one.</summary>
    private static int KeyLength(ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < text.Length && (char.IsAsciiLetterOrDigit(text[length]) || (length > 0 && text[length] is '_' or '-')))
        {
            length++;
        }

        var colonEndsKey = length > 0 && length < text.Length && text[length] == ':'
            && (length + 1 == text.Length || text[length + 1] == ' ');
        return colonEndsKey ? length : 0;
    }

    /// <summary>A value that starts at <paramref name="start"/> and ends with its line.</summary>
    private static YamlValue? InlineValue(int lineNumber, ReadOnlySpan<char> line, int start)
    {
        var text = line[start..];
        YamlValue? value;
        int length;
        switch (text[0])
        {
            case '"' or '\'':
                value = Quoted(lineNumber, start, text, out length);
                break;
            case '[':
                value = FlowSequence(lineNumber, line, start, out length);
                break;
            default:
                return Plain(lineNumber, start, text.TrimEnd(' '), flow: false, out _);
        }

        return value is not null && text[length..].IndexOfAnyExcept(' ') < 0 ? value : null;
    }

    /// <summary>"text" without escapes, or 'text' where '' stands for a quote.</summary>
    private static YamlScalar? Quoted(int lineNumber, int start, ReadOnlySpan<char> text, out int length)
    {
        var quote = text[0];
        length = 0;
        if (quote == '"')
        {
            var close = text[1..].IndexOfAny('"', '\\');
            if (close < 0 || text[1 + close] == '\\')
            {
                return null;
            }

            length = close + 2;
            return new YamlScalar(lineNumber, start + 1, text.Slice(1, close).ToString(), isPlain: false);
        }

        var value = new System.Text.StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                value.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                value.Append('\'');
                i++;
            }
            else
            {
                length = i + 1;
                return new YamlScalar(lineNumber, start + 1, value.ToString(), isPlain: false);
            }
        }

        return null;
    }

    /// <summary><c>[a, "b", 'c']</c> on one line; no nested lists or mappings.</summary>
    private static YamlSequence? FlowSequence(int lineNumber, ReadOnlySpan<char> line, int start, out int length)
    {
        length = 0;
        var sequence = new YamlSequence(lineNumber, start + 1);
        var position = SkipSpaces(line, start + 1);
        if (position < line.Length && line[position] == ']')
        {
            length = position + 1 - start;
            return sequence;
        }

        while (position < line.Length)
        {
            YamlScalar? item;
            int itemLength;
            if (line[position] is '"' or '\'')
            {
                item = Quoted(lineNumber, position, line[position..], out itemLength);
            }
            else
            {
                var end = line[position..].IndexOfAny(',', ']');
                if (end < 0)
                {
                    return null;
                }

                item = Plain(lineNumber, position, line.Slice(position, end).TrimEnd(' '), flow: true, out itemLength);
            }

            if (item is null)
            {
                return null;
            }

            sequence.Items.Add(item);
            position = SkipSpaces(line, position + itemLength);
            if (position >= line.Length)
            {
                return null;
            }

            if (line[position] == ']')
            {
                length = position + 1 - start;
                return sequence;
            }

            if (line[position] != ',')
            {
                return null;
            }

            position = SkipSpaces(line, position + 1);
            if (position < line.Length && line[position] == ']')
            {
                return null; // a trailing comma
            }
        }

        return null;
    }

    /// <summary>Unquoted text, refused when it might mean more than itself to YAML: a leading
    /// indicator, a colon or a comment mark inside, flow punctuation in a <c>[…]</c> list.</summary>
    private static YamlScalar? Plain(int lineNumber, int start, ReadOnlySpan<char> text, bool flow, out int length)
    {
        length = text.Length;
        if (text.IsEmpty || text[0] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|'
                or '>' or '\'' or '"' or '%' or '@' or '`' or ' ')
        {
            return null;
        }

        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text[^1] == ':'
            || (flow && text.IndexOfAny(FlowPunctuation) >= 0))
        {
            return null;
        }

        return new YamlScalar(lineNumber, start + 1, text.ToString(), isPlain: true);
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, int position)
    {
        while (position < line.Length && line[position] == ' ')
        {
            position++;
        }

        return position;
    }

    /// <summary>The YAML text line by line, blank lines skipped. A comment line or a document
    /// marker stops it and sets <see cref="Refused"/>: the reader then gives up.</summary>
    private ref struct Lines
    {
        private readonly string _text;
        private int _start;
        private int _end;

        public Lines(string text)
        {
            _text = text;
            LineNumber = 1;
            SkipBlankLines();
        }

        /// <summary>1-based number of the current line.</summary>
        public int LineNumber { get; private set; }

        public bool Refused { get; private set; }

        public readonly bool AtEnd => _start >= _text.Length;

        public readonly ReadOnlySpan<char> Current => _text.AsSpan(_start, _end - _start);

        public readonly int Indent => Current.IndexOfAnyExcept(' ');

        /// <summary>The current line is more indented than <paramref name="indent"/>: it would continue a value.</summary>
        public readonly bool ContinuesAfter(int indent) => !AtEnd && Indent > indent;

        public void Next()
        {
            _start = _end + 1;
            LineNumber++;
            SkipBlankLines();
        }

        private void SkipBlankLines()
        {
            while (_start < _text.Length)
            {
                var length = _text.AsSpan(_start).IndexOf('\n');
                _end = length < 0 ? _text.Length : _start + length;
                var line = Current;
                if (line.IndexOfAnyExcept(' ') >= 0)
                {
                    if (line.TrimStart(' ').StartsWith('#') || line.StartsWith("---") || line.StartsWith("..."))
                    {
                        Refused = true;
                        _start = _end = _text.Length;
                    }

                    return;
                }

                _start = _end + 1;
                LineNumber++;
            }

            _start = _end = _text.Length;
        }
    }
}
