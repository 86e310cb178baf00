using System.Text;

namespace Gazette.Text;

/// <summary>ASCII-folded, lowercase, dash-separated URL segments: stable across machines and
/// cultures, and always a safe single path segment (no dots, slashes or reserved names).</summary>
internal static class Slug
{
    private static readonly HashSet<string> WindowsReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>The longest slug, in characters (ASCII, so bytes too): well within a file name's 255
    /// bytes with an extension, and longer than any headline's words need.</summary>
    public const int MaxLength = 120;

    /// <summary><c>Intelligence artificielle</c> → <c>intelligence-artificielle</c>; empty when nothing is left.</summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text)
        {
            var folded = c < 128 ? new ReadOnlySpan<char>(in c) : Fold(c);
            foreach (var ascii in folded)
            {
                if (char.IsAsciiLetterOrDigit(ascii))
                {
                    if (pendingDash && builder.Length > 0)
                    {
                        builder.Append('-');
                    }

                    builder.Append(char.ToLowerInvariant(ascii));
                    pendingDash = false;
                }
                else
                {
                    pendingDash = true;
                }
            }
        }

        if (builder.Length > MaxLength)
        {
            // A file name has at most 255 bytes: a title of three lines makes a URL of its first words.
            var cut = builder.ToString(0, MaxLength + 1).LastIndexOf('-');
            builder.Length = cut > MaxLength / 2 ? cut : MaxLength;
        }

        var slug = builder.ToString();
        return WindowsReservedNames.Contains(slug) ? slug + "-" + "page" : slug;
    }

    /// <summary>The ASCII form of a character past ASCII (an ASCII one is its own: a string made
    /// for each was 18 MB of a 10 000-article build): Latin letters
    /// lose their accents, ligatures are spelled out, anything else separates words. A table of
    /// our own rather than Unicode decomposition, which invariant globalization mode does not perform.</summary>
    private static string Fold(char c) => LatinFolds.TryGetValue(c, out var ascii) ? ascii : " ";

    private static readonly Dictionary<char, string> LatinFolds = BuildFolds();

    private static Dictionary<char, string> BuildFolds()
    {
        (string Letters, string Ascii)[] groups =
        [
        ("ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦ", "A"),
        ("Æ", "AE"),
        ("ÇĆĈĊČ", "C"),
        ("ÐĎĐ", "D"),
        ("ǄǱ", "DZ"),
        ("ǅǲ", "Dz"),
        ("ÈÉÊËĒĔĖĘĚȄȆȨ", "E"),
        ("ĜĞĠĢǦǴ", "G"),
        ("ĤĦȞ", "H"),
        ("ÌÍÎÏĨĪĬĮİǏȈȊ", "I"),
        ("Ĳ", "IJ"),
        ("Ĵ", "J"),
        ("ĶǨ", "K"),
        ("ĹĻĽĿŁ", "L"),
        ("Ǉ", "LJ"),
        ("ǈ", "Lj"),
        ("ÑŃŅŇŊǸ", "N"),
        ("Ǌ", "NJ"),
        ("ǋ", "Nj"),
        ("ÒÓÔÕÖØŌŎŐƠǑǪǬȌȎȪȬȮȰ", "O"),
        ("Œ", "OE"),
        ("ŔŖŘȐȒ", "R"),
        ("ŚŜŞŠȘ", "S"),
        ("ŢŤŦȚ", "T"),
        ("Þ", "TH"),
        ("ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖ", "U"),
        ("Ŵ", "W"),
        ("ÝŶŸȲ", "Y"),
        ("ŹŻŽ", "Z"),
        ("àáâãäåāăąǎǟǡǻȁȃȧ", "a"),
        ("æ", "ae"),
        ("çćĉċč", "c"),
        ("ðďđ", "d"),
        ("ǆǳ", "dz"),
        ("èéêëēĕėęěȅȇȩ", "e"),
        ("ĝğġģǧǵ", "g"),
        ("ĥħȟ", "h"),
        ("ìíîïĩīĭįıǐȉȋ", "i"),
        ("ĳ", "ij"),
        ("ĵǰ", "j"),
        ("ķĸǩ", "k"),
        ("ĺļľŀł", "l"),
        ("ǉ", "lj"),
        ("ñńņňŉŋǹ", "n"),
        ("ǌ", "nj"),
        ("òóôõöøōŏőơǒǫǭȍȏȫȭȯȱ", "o"),
        ("œ", "oe"),
        ("ŕŗřȑȓ", "r"),
        ("śŝşšſș", "s"),
        ("ß", "ss"),
        ("ţťŧț", "t"),
        ("þ", "th"),
        ("ùúûüũūŭůűųưǔǖǘǚǜȕȗ", "u"),
        ("ŵ", "w"),
        ("ýÿŷȳ", "y"),
        ("źżž", "z"),
        ];
        var folds = new Dictionary<char, string>();
        foreach (var (letters, ascii) in groups)
        {
            foreach (var letter in letters)
            {
                folds[letter] = ascii;
            }
        }

        return folds;
    }
}
