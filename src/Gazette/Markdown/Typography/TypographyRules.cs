namespace Gazette.Markdown.Typography;

/// <summary>Which typographic conventions to apply to prose.</summary>
public enum TypographyMode
{
    None,
    French,
    English,
}

/// <summary>
/// The typography of a language, applied to a run of prose. The text may contain two marker
/// characters that the rules step over without changing: <see cref="Boundary"/> separates the
/// pieces of text that come from different Markdown inlines, and <see cref="Opaque"/> stands
/// for an inline that must not be touched (a code span, an image, raw HTML). This lets a rule
/// see across <c>**Note**:</c> while keeping every piece in its place.
/// </summary>
internal static class TypographyRules
{
    public const char Boundary = '\uFFFF';
    public const char Opaque = '\uFFFC';

    public const char NoBreakSpace = '\u00A0';

    /// <summary>The length of the run at <paramref name="start"/> that the language's rules leave as it
    /// is (no character they act on, no marker), to be copied at once. A space between two letters
    /// is left as it is by both languages' rules (French ones look at a digit or a punctuation mark
    /// beside it), so a run goes on over it: runs are phrases, not words.</summary>
    private static int OrdinaryRun(ReadOnlySpan<char> text, int start, bool french)
    {
        // A character's class in a table rather than a switch: this loop sees every character of
        // every article (a twentieth of a build's time before).
        var stopsHere = french ? (byte)(Special | FrenchOnly) : (byte)(Special | EnglishOnly);
        var i = start;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var kind = c < CharacterKinds.Length ? CharacterKinds[c] : c is Boundary or Opaque ? Special : (byte)0;
            if (kind == 0)
            {
                continue;
            }

            if (kind == Space)
            {
                // Between two letters (any script: "qualité répartiteur") a space is left alone by
                // both languages; French looks at what follows it too (": ", "10 000").
                if (i > 0 && char.IsLetter(text[i - 1]) && (!french || (i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    continue;
                }

                break;
            }

            if ((kind & stopsHere) != 0)
            {
                break;
            }
        }

        return i - start;
    }

    private const byte Special = 1, FrenchOnly = 2, EnglishOnly = 4, Space = 8;

    /// <summary>The class of each Latin-1 character for <see cref="OrdinaryRun"/>: the quotes stop a
    /// run in both languages, the high punctuation and guillemets in French, the hyphen in English.</summary>
    private static ReadOnlySpan<byte> CharacterKinds => [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // U+0000
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        Space, FrenchOnly, Special, 0, 0, 0, 0, Special, 0, 0, 0, 0, 0, EnglishOnly, 0, 0, // ' ' ! " … ' … -
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, FrenchOnly, FrenchOnly, 0, 0, 0, FrenchOnly, // : ; ?
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // U+0040
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // U+0060
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // U+0080
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, FrenchOnly, 0, 0, 0, 0, // U+00A0: «
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, FrenchOnly, 0, 0, 0, 0, // »
    ];

    public const char NarrowNoBreakSpace = '\u202F';

    public static TypographyMode ParseMode(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "fr" or "french" => TypographyMode.French,
        "en" or "english" => TypographyMode.English,
        "none" or "off" => TypographyMode.None,
        _ => TypographyMode.None,
    };

    /// <summary>The mode a language gets when the site or article does not choose one.</summary>
    public static TypographyMode ForLanguage(string language) =>
        language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? TypographyMode.French
        : language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? TypographyMode.English
        : TypographyMode.None;

    public static string Apply(string text, TypographyMode mode)
    {
        var typeset = Typeset(text, mode, new ProseBuffer(text.Length + 16));
        return typeset.SequenceEqual(text) ? text : typeset.ToString();
    }

    /// <summary>The text typeset, in <paramref name="output"/>: read it before typesetting into it again.</summary>
    internal static ReadOnlySpan<char> Typeset(ReadOnlySpan<char> text, TypographyMode mode, ProseBuffer output) => mode switch
    {
        TypographyMode.French => French(text, output.Reset(text.Length + 16)),
        TypographyMode.English => English(text, output.Reset(text.Length + 8)),
        _ => text,
    };

    private static bool IsSpace(char c) => c is ' ' or NoBreakSpace or NarrowNoBreakSpace or '\t';

    private static bool IsWordLike(char c) => char.IsLetterOrDigit(c) || c == Opaque;

    /// <summary>The previous character that is not a marker, from the text written so far.</summary>
    private static char Previous(ProseBuffer output) => output.Previous;

    /// <summary>The index of the next character at or after <paramref name="start"/> that is not a marker, or -1.</summary>
    private static int NextIndex(ReadOnlySpan<char> text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] != Boundary)
            {
                return i;
            }
        }

        return -1;
    }

    private static char At(ReadOnlySpan<char> text, int index) => index < 0 ? '\n' : text[index];

    /// <summary>The next character after a run of spaces, markers skipped.</summary>
    private static int NextNonSpaceIndex(ReadOnlySpan<char> text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] != Boundary && text[i] != ' ')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What may follow a colon that ends a clause: a space, the end, closing punctuation.</summary>
    private static bool EndsClause(char next) => IsSpace(next) || next is '\n' or '»' or ')' or ']' or '"' or '”' or ',' or '.';

    private static bool IsOpeningContext(char previous) =>
        previous is '\n' or '(' or '[' or '{' or '—' or '–' or '/' || IsSpace(previous);

    /// <summary>Trailing regular spaces written so far (not crossing a marker) are removed.</summary>
    private static void TrimTrailingSpaces(ProseBuffer output)
    {
        while (output.Length > 0 && output[^1] == ' ')
        {
            output.Length--;
        }
    }

    private static ReadOnlySpan<char> French(ReadOnlySpan<char> text, ProseBuffer output)
    {
        for (var i = 0; i < text.Length; i++)
        {
            // Most characters are letters no rule looks at: copy them a run at a time.
            var run = OrdinaryRun(text, i, french: true);
            if (run > 0)
            {
                output.Append(text.Slice(i, run));
                i += run - 1;
                continue;
            }

            var c = text[i];
            var previous = Previous(output);
            switch (c)
            {
                case Boundary or Opaque:
                    output.Append(c);
                    break;
                case ' ':
                    if (IsSpace(previous))
                    {
                        break; // no double spaces
                    }

                    output.Append(FrenchSpace(text, i, previous));
                    break;
                case ':':
                    // "Note: texte" gets its space; "10:30", "16:9" and "http:" do not.
                    if ((IsWordLike(previous) || previous is ')' or '»' or '’' or '"') && EndsClause(At(text, NextIndex(text, i + 1))))
                    {
                        output.Append(NoBreakSpace);
                    }

                    output.Append(c);
                    break;
                case ';' or '!' or '?':
                    if (IsWordLike(previous) || previous is ')' or '»' or '’')
                    {
                        output.Append(NarrowNoBreakSpace);
                    }

                    output.Append(c);
                    break;
                case '«':
                    output.Append(c);
                    if (!IsSpace(At(text, NextIndex(text, i + 1))) && At(text, NextIndex(text, i + 1)) != '\n')
                    {
                        output.Append(NoBreakSpace);
                    }

                    break;
                case '»':
                    if (!IsSpace(previous) && previous != '\n')
                    {
                        output.Append(NoBreakSpace);
                    }

                    output.Append(c);
                    break;
                case '"':
                    if (IsOpeningContext(previous))
                    {
                        output.Append('«').Append(NoBreakSpace);
                        i = SkipSpaces(text, i);
                    }
                    else
                    {
                        TrimTrailingSpaces(output);
                        output.Append(NoBreakSpace).Append('»');
                    }

                    break;
                case '\'':
                    output.Append(char.IsLetter(previous) ? '’' : c);
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return output.Span;
    }

    /// <summary>The space to write at <paramref name="index"/>: no-break before <c>: »</c> and after
    /// <c>«</c>, narrow no-break before <c>; ! ?</c> and between groups of digits, no-break between
    /// a number and the word it counts.</summary>
    private static char FrenchSpace(ReadOnlySpan<char> text, int index, char previous)
    {
        var nextIndex = NextNonSpaceIndex(text, index + 1);
        var next = At(text, nextIndex);
        if (next is ':' or '»' || previous == '«')
        {
            return NoBreakSpace;
        }

        if (next is ';' or '!' or '?')
        {
            return NarrowNoBreakSpace;
        }

        if (char.IsDigit(previous))
        {
            if (IsThousandsGroup(text, nextIndex))
            {
                return NarrowNoBreakSpace;
            }

            if (next is '%')
            {
                return NarrowNoBreakSpace;
            }

            if (char.IsLetter(next) || next is '€' or '$' or '£' or '°')
            {
                return NoBreakSpace;
            }
        }

        return ' ';
    }

    /// <summary>Exactly three digits, then something that is not a digit: <c>10 000</c>, not <c>en 2024</c>.</summary>
    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int start)
    {
        if (start < 0)
        {
            return false;
        }

        var digits = 0;
        var i = start;
        for (; i < text.Length && (char.IsDigit(text[i]) || text[i] == Boundary); i++)
        {
            if (text[i] != Boundary)
            {
                digits++;
            }
        }

        return digits == 3;
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int index)
    {
        while (index + 1 < text.Length && text[index + 1] == ' ')
        {
            index++;
        }

        return index;
    }

    private static ReadOnlySpan<char> English(ReadOnlySpan<char> text, ProseBuffer output)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var run = OrdinaryRun(text, i, french: false);
            if (run > 0)
            {
                output.Append(text.Slice(i, run));
                i += run - 1;
                continue;
            }

            var c = text[i];
            var previous = Previous(output);
            switch (c)
            {
                case ' ':
                    if (previous != ' ')
                    {
                        output.Append(c);
                    }

                    break;
                case '"':
                    output.Append(IsOpeningContext(previous) ? '“' : '”');
                    break;
                case '\'':
                    // An apostrophe before a digit elides it ('90s), it does not open a quote.
                    var opening = IsOpeningContext(previous) && !char.IsDigit(At(text, NextIndex(text, i + 1)));
                    output.Append(opening ? '‘' : '’');
                    break;
                case '-' when i + 1 < text.Length && text[i + 1] == '-':
                    // Only dashes written together: a dash run never spans two inlines.
                    if (i + 2 < text.Length && text[i + 2] == '-')
                    {
                        output.Append('—');
                        i += 2;
                    }
                    else
                    {
                        output.Append('–');
                        i += 1;
                    }

                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return output.Span;
    }

    /// <summary>
    /// The text the rules write, in a character array its owner reuses block after block, with
    /// the last character that is not a marker kept at hand: the rules ask for it at every character.
    /// </summary>
    internal sealed class ProseBuffer(int capacity = 1024)
    {
        private char[] _chars = new char[capacity];
        private int _length;

        /// <summary>The last character written that is not a <see cref="Boundary"/>; a newline at the start.</summary>
        public char Previous { get; private set; } = '\n';

        /// <summary>Empties the buffer for a text of up to <paramref name="capacity"/> characters.</summary>
        public ProseBuffer Reset(int capacity)
        {
            if (_chars.Length < capacity)
            {
                _chars = new char[Math.Max(capacity, _chars.Length * 2)];
            }

            _length = 0;
            Previous = '\n';
            return this;
        }

        public int Length
        {
            get => _length;
            set
            {
                _length = value;
                Previous = '\n';
                for (var i = _length - 1; i >= 0; i--)
                {
                    if (_chars[i] != Boundary)
                    {
                        Previous = _chars[i];
                        break;
                    }
                }
            }
        }

        public char this[Index index] => _chars[index.GetOffset(_length)];

        /// <summary>Appends characters that hold no <see cref="Boundary"/>.</summary>
        public void Append(ReadOnlySpan<char> text)
        {
            if (_length + text.Length > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + text.Length));
            }

            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
            Previous = text[^1];
        }

        public ProseBuffer Append(char c)
        {
            if (_length == _chars.Length)
            {
                Array.Resize(ref _chars, _chars.Length * 2);
            }

            _chars[_length++] = c;
            if (c != Boundary)
            {
                Previous = c;
            }

            return this;
        }

        public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);
    }
}
