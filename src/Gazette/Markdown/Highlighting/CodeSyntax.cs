using System.Collections.Frozen;

namespace Gazette.Markdown.Highlighting;

/// <summary>Where a language writes its keys (coloured as attributes).</summary>
internal enum KeyStyle
{
    None,
    /// <summary>JSON: a string followed by <c>:</c>.</summary>
    QuotedBeforeColon,
    /// <summary>YAML: a line's first word followed by <c>:</c>.</summary>
    LineStartBeforeColon,
    /// <summary>TOML and INI: a line's first word followed by <c>=</c>.</summary>
    LineStartBeforeEquals,
}

/// <summary>
/// The lexical shape of a programming language, enough to colour it: its comments, strings,
/// keywords and a few habits. One table-driven lexer (<see cref="CodeLexer"/>) reads them all;
/// markup and CSS have their own small lexers.
/// </summary>
internal sealed class CodeSyntax
{
    public FrozenSet<string> Keywords { get; private init; } = FrozenSet<string>.Empty;
    public FrozenSet<string> Types { get; private init; } = FrozenSet<string>.Empty;
    public string[] LineComments { get; private init; } = [];
    public (string Open, string Close)? BlockComment { get; private init; }
    /// <summary>Quotes of one-line strings (a string left open ends with its line).</summary>
    public string Quotes { get; private init; } = "\"'";
    /// <summary>Quotes of strings that may span lines (JavaScript template literals, Go raw strings).</summary>
    public string MultilineQuotes { get; private init; } = "";
    /// <summary><c>"""…"""</c> and <c>'''…'''</c> (Python, C# raw strings, TOML).</summary>
    public bool TripleQuotes { get; private init; }
    /// <summary>C#'s <c>@"…"</c>, where <c>""</c> is a quote and lines may break.</summary>
    public bool VerbatimStrings { get; private init; }
    /// <summary>Rust: <c>'</c> starts a character (<c>'a'</c>, <c>'\n'</c>), otherwise a lifetime.</summary>
    public bool SingleQuoteIsCharacter { get; private init; }
    /// <summary>Whether a capitalised name is a type (C#, Java, TypeScript, Rust…).</summary>
    public bool CapitalizedTypes { get; private init; }
    /// <summary><c>#</c> at the start of a line begins a directive (C, C++, C#).</summary>
    public bool Preprocessor { get; private init; }
    /// <summary><c>@name</c> is an annotation or decorator (Java, Python, TypeScript, C# attributes aside).</summary>
    public bool Annotations { get; private init; }
    /// <summary>Characters besides letters, digits and <c>_</c> that names may hold (<c>$</c>, <c>-</c>).</summary>
    public string NameCharacters { get; private init; } = "";
    public KeyStyle Keys { get; private init; }

    private static FrozenSet<string> Words(string words, bool ignoreCase = false) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private const string CFamilyLiterals = " true false null ";

    public static readonly CodeSyntax CSharp = new()
    {
        Keywords = Words("abstract as base break case catch checked class const continue default delegate do else enum event explicit extern finally fixed for foreach goto if implicit in interface internal is lock namespace new operator out override params private protected public readonly ref return sealed sizeof stackalloc static struct switch this throw try typeof unchecked unsafe using virtual volatile while async await var record init required get set value when where yield with not and or file scoped global nameof" + CFamilyLiterals),
        Types = Words("bool byte char decimal double float int long object sbyte short string uint ulong ushort void nint nuint dynamic"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        TripleQuotes = true,
        VerbatimStrings = true,
        CapitalizedTypes = true,
        Preprocessor = true,
    };

    public static readonly CodeSyntax Java = new()
    {
        Keywords = Words("abstract assert break case catch class const continue default do else enum extends final finally for goto if implements import instanceof interface native new package private protected public return static strictfp super switch synchronized this throw throws transient try volatile while var record sealed permits yield" + CFamilyLiterals),
        Types = Words("boolean byte char double float int long short void"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        TripleQuotes = true,
        CapitalizedTypes = true,
        Annotations = true,
    };

    public static readonly CodeSyntax Kotlin = new()
    {
        Keywords = Words("as break class continue do else for fun if in interface is object package return super this throw try typealias val var when while by catch constructor data enum finally import init internal lateinit open override private protected public sealed suspend companion" + CFamilyLiterals),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        TripleQuotes = true,
        CapitalizedTypes = true,
        Annotations = true,
    };

    public static readonly CodeSyntax JavaScript = new()
    {
        Keywords = Words("async await break case catch class const continue debugger default delete do else export extends finally for from function get if import in instanceof let new of return set static super switch this throw try typeof var void while with yield undefined NaN Infinity" + CFamilyLiterals),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        MultilineQuotes = "`",
        CapitalizedTypes = true,
        NameCharacters = "$",
    };

    public static readonly CodeSyntax TypeScript = new()
    {
        Keywords = JavaScript.Keywords.Union(Words("abstract as declare enum implements interface keyof namespace private protected public readonly satisfies type infer is asserts override")).ToFrozenSet(),
        Types = Words("any boolean never number object string symbol unknown bigint void"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        MultilineQuotes = "`",
        CapitalizedTypes = true,
        Annotations = true,
        NameCharacters = "$",
    };

    public static readonly CodeSyntax C = new()
    {
        Keywords = Words("auto break case const continue default do else enum extern for goto if inline register restrict return sizeof static struct switch typedef union volatile while alignas alignof catch class constexpr consteval constinit decltype delete explicit export friend mutable namespace new noexcept nullptr operator private protected public template this throw try typename using virtual co_await co_return co_yield concept requires override final" + CFamilyLiterals),
        Types = Words("bool char char8_t char16_t char32_t double float int long short signed unsigned void wchar_t size_t ssize_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        Preprocessor = true,
    };

    public static readonly CodeSyntax Go = new()
    {
        Keywords = Words("break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var true false nil iota"),
        Types = Words("bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        MultilineQuotes = "`",
    };

    public static readonly CodeSyntax Rust = new()
    {
        Keywords = Words("as async await break const continue crate dyn else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while"),
        Types = Words("bool char f32 f64 i8 i16 i32 i64 i128 isize str u8 u16 u32 u64 u128 usize"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        Quotes = "\"",
        SingleQuoteIsCharacter = true,
        CapitalizedTypes = true,
    };

    public static readonly CodeSyntax Swift = new()
    {
        Keywords = Words("actor as associatedtype async await break case catch class continue default defer deinit do else enum extension fallthrough fileprivate for func guard if import in init inout internal is let nil open operator private protocol public repeat rethrows return self Self static struct subscript super switch throw throws try var where while true false"),
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        Quotes = "\"",
        TripleQuotes = true,
        CapitalizedTypes = true,
        Annotations = true,
    };

    public static readonly CodeSyntax Php = new()
    {
        Keywords = Words("abstract and array as break callable case catch class clone const continue declare default do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile enum extends final finally fn for foreach function global goto if implements include include_once instanceof insteadof interface isset list match namespace new or print private protected public readonly require require_once return static switch throw trait try unset use var while xor yield true false null", ignoreCase: true),
        LineComments = ["//", "#"],
        BlockComment = ("/*", "*/"),
        CapitalizedTypes = true,
        NameCharacters = "$",
    };

    public static readonly CodeSyntax Python = new()
    {
        Keywords = Words("and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case True False None self"),
        Types = Words("bool bytes dict float int list object set str tuple"),
        LineComments = ["#"],
        TripleQuotes = true,
        CapitalizedTypes = true,
        Annotations = true,
    };

    public static readonly CodeSyntax Ruby = new()
    {
        Keywords = Words("alias and begin break case class def defined? do else elsif end ensure false for if in module next nil not or redo rescue retry return self super then true undef unless until when while yield require attr_accessor attr_reader puts"),
        LineComments = ["#"],
        CapitalizedTypes = true,
        NameCharacters = "?!",
    };

    public static readonly CodeSyntax Shell = new()
    {
        Keywords = Words("if then else elif fi case esac for select while until do done in function return exit break continue local export readonly declare set unset shift source alias echo printf cd sudo"),
        LineComments = ["#"],
        NameCharacters = "-",
    };

    public static readonly CodeSyntax PowerShell = new()
    {
        Keywords = Words("begin break catch class continue data do dynamicparam else elseif end enum exit filter finally for foreach from function if in param process return switch throw trap try until using var while $true $false $null", ignoreCase: true),
        LineComments = ["#"],
        BlockComment = ("<#", "#>"),
        NameCharacters = "-$",
    };

    public static readonly CodeSyntax Sql = new()
    {
        Keywords = Words("add all alter and any as asc begin between by case check column commit constraint create cross database default delete desc distinct drop else end exists foreign from full group having if in index inner insert into is join key left like limit not null offset on or order outer primary references returning right rollback select set table then top transaction truncate union unique update values view when where with true false", ignoreCase: true),
        Types = Words("bigint binary bit blob boolean char date datetime decimal double float int integer json jsonb money nchar numeric nvarchar real serial smallint text time timestamp uuid varchar", ignoreCase: true),
        LineComments = ["--"],
        BlockComment = ("/*", "*/"),
    };

    public static readonly CodeSyntax Json = new()
    {
        Keywords = Words("true false null"),
        Quotes = "\"",
        Keys = KeyStyle.QuotedBeforeColon,
    };

    public static readonly CodeSyntax Yaml = new()
    {
        Keywords = Words("true false null yes no on off ~"),
        LineComments = ["#"],
        Keys = KeyStyle.LineStartBeforeColon,
    };

    public static readonly CodeSyntax Toml = new()
    {
        Keywords = Words("true false"),
        LineComments = ["#", ";"],
        TripleQuotes = true,
        Keys = KeyStyle.LineStartBeforeEquals,
    };

    public static readonly CodeSyntax Dockerfile = new()
    {
        Keywords = Words("FROM RUN CMD LABEL EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG ONBUILD STOPSIGNAL HEALTHCHECK SHELL AS"),
        LineComments = ["#"],
    };
}
