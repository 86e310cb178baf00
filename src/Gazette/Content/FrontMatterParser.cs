using System.Globalization;
using Gazette.Diagnostics;
using Gazette.Text;
using Gazette.Yaml;

namespace Gazette.Content;

/// <summary>A file cut at its front matter: whether it opens one, whether it closes it, the header
/// between, the body after, and the lines before the body.</summary>
internal readonly record struct FrontMatterSplit(bool Opened, bool Closed, string Header, string Body, int BodyLineOffset);

/// <summary>The front matter and body of a Markdown file.</summary>
/// <param name="FrontMatter">The typed YAML header.</param>
/// <param name="Markdown">The Markdown after the closing <c>---</c>, as UTF-8 until it is parsed.</param>
/// <param name="BodyLineOffset">Lines before the body: add it to a body line to get the file line.</param>
internal sealed record ParsedSource(FrontMatter FrontMatter, MarkdownText Markdown, int BodyLineOffset)
{
    /// <summary>The Markdown after the closing <c>---</c>, until it is rendered (then released:
    /// <see cref="MarkdownText.Release"/>).</summary>
    public string Body => Markdown.Text;
}

/// <summary>
/// Splits a Markdown file into YAML front matter and body, then maps the YAML onto
/// <see cref="FrontMatter"/> by hand (no reflection, every field's position known).
/// </summary>
internal static class FrontMatterParser
{
    internal static readonly string[] KnownKeys =
    [
        "title", "date", "updated", "author", "category", "tags", "summary", "image", "review", "sources",
        "draft", "slug", "lang", "translation_key", "typography", "toc", "expires", "aliases", "authors",
    ];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>Parses a whole file. Returns null when the front matter is unusable; every
    /// problem is in <paramref name="diagnostics"/> at its line in the file.</summary>
    public static ParsedSource? Parse(string text, string path, TimeZoneInfo timeZone, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var result = Parse(text, path, timeZone, local, out var failed);
        diagnostics.AddRange(local);
        return failed ? null : result;
    }

    /// <summary>
    /// Parses a whole file from its bytes, as <see cref="Parse(string, string, TimeZoneInfo, DiagnosticBag)"/>
    /// does from its decoded text. The usual file (UTF-8, <c>\n</c> line ends, plain <c>---</c>
    /// lines) is split before it is decoded: its YAML becomes a string, its Markdown stays UTF-8
    /// until it has to be parsed (<see cref="MarkdownText"/>), and the whole text is never made. Any other file takes
    /// the general path, with its exact diagnostics.
    /// </summary>
    public static ParsedSource? ParseFile(ReadOnlySpan<byte> bytes, string path, TimeZoneInfo timeZone, DiagnosticBag diagnostics)
    {
        bytes = TextFile.WithoutControlCharacters(bytes, path, diagnostics);
        if (TrySplitUtf8(bytes, out var yamlRange, out var bodyRange, out var bodyLineOffset)
            && TextFile.TryDecodeQuietly(bytes[yamlRange], out var yaml) && System.Text.Unicode.Utf8.IsValid(bytes[bodyRange]))
        {
            var local = new DiagnosticBag();
            var frontMatter = ParseFrontMatter(yaml, yamlFirstLine: 2, path, timeZone, local, out var failed);
            diagnostics.AddRange(local);
            return failed || frontMatter is null ? null : new ParsedSource(frontMatter, MarkdownText.OfUtf8(bytes[bodyRange]), bodyLineOffset);
        }

        return TextFile.TryDecode(bytes, path, diagnostics, out var text) ? Parse(text, path, timeZone, diagnostics) : null;
    }

    /// <summary>
    /// <see cref="TrySplit"/> on the file's bytes (the lines it looks for are ASCII), for files it
    /// can split with certainty: no carriage return, a first line <c>---</c>, a closing line
    /// <c>---</c> or <c>...</c>, each followed only by spaces or tabs. False for anything else,
    /// including a line that only Unicode rules could call blank after its dashes.
    /// </summary>
    internal static bool TrySplitUtf8(ReadOnlySpan<byte> bytes, out Range yaml, out Range body, out int bodyLineOffset)
    {
        yaml = body = default;
        bodyLineOffset = 0;
        var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        var text = bytes[start..];
        var firstLineEnd = text.IndexOf((byte)'\n');
        if (text.Contains((byte)'\r') || firstLineEnd < 0 || Classify(text[..firstLineEnd], allowDots: false) != MarkerLine.Marker)
        {
            return false;
        }

        var line = 2;
        var position = firstLineEnd + 1;
        while (position <= text.Length)
        {
            var length = text[position..].IndexOf((byte)'\n');
            var end = length < 0 ? text.Length : position + length;
            switch (Classify(text[position..end], allowDots: true))
            {
                case MarkerLine.Marker:
                    yaml = new Range(start + firstLineEnd + 1, start + position);
                    body = length < 0 ? new Range(bytes.Length, bytes.Length) : new Range(start + end + 1, bytes.Length);
                    bodyLineOffset = line;
                    return true;
                case MarkerLine.Unsure:
                    return false;
            }

            if (length < 0)
            {
                break;
            }

            position = end + 1;
            line++;
        }

        return false; // never closed: the general path reports it
    }

    private enum MarkerLine
    {
        Other,
        Marker,
        Unsure,
    }

    private static MarkerLine Classify(ReadOnlySpan<byte> line, bool allowDots)
    {
        if (!line.StartsWith("---"u8) && !(allowDots && line.StartsWith("..."u8)))
        {
            return MarkerLine.Other;
        }

        var rest = line[3..];
        if (rest.IndexOfAnyInRange((byte)0x21, (byte)0x7E) >= 0)
        {
            return MarkerLine.Other; // visible text after the dashes
        }

        return rest.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0 ? MarkerLine.Marker : MarkerLine.Unsure;
    }

    private static ParsedSource? Parse(string text, string path, TimeZoneInfo timeZone, DiagnosticBag diagnostics, out bool failed)
    {
        failed = true;
        if (!TrySplit(text, path, diagnostics, out var yaml, out var yamlFirstLine, out var body, out var bodyLineOffset))
        {
            return null;
        }

        return ParseFrontMatter(yaml, yamlFirstLine, path, timeZone, diagnostics, out failed) is { } frontMatter
            ? new ParsedSource(frontMatter, MarkdownText.OfString(body), bodyLineOffset)
            : null;
    }

    private static FrontMatter? ParseFrontMatter(string yaml, int yamlFirstLine, string path,
        TimeZoneInfo timeZone, DiagnosticBag diagnostics, out bool failed)
    {
        failed = true;
        var lineOffset = yamlFirstLine - 1;
        var (root, problems) = YamlDocumentReader.Read(yaml);
        foreach (var problem in problems)
        {
            diagnostics.Error(problem.Code, new SourceLocation(path, problem.Line + lineOffset, problem.Column), problem.Message);
        }

        if (root is not YamlMapping mapping)
        {
            if (problems.Count == 0)
            {
                var (line, column) = root is null ? (yamlFirstLine - 1, 1) : (root.Line + lineOffset, root.Column);
                diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, line, column),
                    root is null
                        ? "the front matter is empty; it needs at least 'title:' and 'date:'"
                        : $"the front matter must be 'key: value' lines, found {root.KindName}");
            }

            return null;
        }

        var fields = new YamlFieldReader(mapping, path, lineOffset, diagnostics);
        var frontMatter = Read(fields, timeZone);
        failed = diagnostics.HasErrors;
        return frontMatter;
    }

    /// <summary>Finds the YAML between the opening and closing <c>---</c> lines.</summary>
    internal static bool TrySplit(string text, string path, DiagnosticBag diagnostics,
        out string yaml, out int yamlFirstLine, out string body, out int bodyLineOffset)
    {
        var split = Split(text, "---");
        (yaml, body, bodyLineOffset) = (split.Header, split.Body, split.BodyLineOffset);
        yamlFirstLine = split.Closed ? 2 : 0;
        if (!split.Opened)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, 1, 1),
                text.Length == 0
                    ? "the file is empty; an article starts with front matter between '---' lines (title, date)"
                    : "no front matter: the file must start with a '---' line, then 'title:' and 'date:', then '---'");
            return false;
        }

        if (!split.Closed)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterUnclosed, new SourceLocation(path, 1, 1),
                "the front matter opened by '---' on line 1 is never closed; add a '---' line after the last key");
            return false;
        }

        return true;
    }

    /// <summary>The header between a first line <paramref name="marker"/> (<c>---</c> for YAML, also
    /// closed by <c>...</c>; <c>+++</c> for Hugo's TOML) and the next such line, and the body after it.
    /// Trailing spaces on a marker line are allowed. Header and body are empty unless it closes.</summary>
    internal static FrontMatterSplit Split(string text, string marker)
    {
        var firstLineEnd = text.IndexOf('\n');
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        if (firstLine.TrimEnd() != marker)
        {
            return new FrontMatterSplit(false, false, "", "", 0);
        }

        var line = 2;
        var position = firstLineEnd + 1;
        while (position > 0 && position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var current = (end < 0 ? text[position..] : text[position..end]).TrimEnd();
            if (current == marker || (marker == "---" && current == "..."))
            {
                return new FrontMatterSplit(true, true, text[(firstLineEnd + 1)..position], end < 0 ? "" : text[(end + 1)..], line);
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
            line++;
        }

        return new FrontMatterSplit(true, false, "", "", 0);
    }

    private static FrontMatter Read(YamlFieldReader fields, TimeZoneInfo timeZone)
    {
        var title = fields.String("title", required: true);
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            fields.Diagnostics.Error(DiagnosticCodes.YamlMissingField, fields.LocationOf(fields.Node("title")!),
                "'title' is empty; give the article a title");
        }

        var slugNode = fields.Node("slug");
        var frontMatter = new FrontMatter
        {
            Title = title ?? "",
            Date = Date(fields, "date", timeZone),
            DateLocation = fields.Node("date") is { } dateNode ? fields.LocationOf(dateNode) : default,
            DateHasOffset = fields.Node("date") is YamlScalar { Value: var dateText } && HasOffset(dateText),
            DateHasTime = HasTime(fields.Node("date")),
            UpdatedHasTime = HasTime(fields.Node("updated")),
            Updated = Date(fields, "updated", timeZone),
            Authors = Authors(fields),
            Category = fields.String("category"),
            Tags = fields.StringList("tags"),
            Summary = fields.String("summary"),
            Image = Image(fields),
            Review = Review(fields),
            Sources = Sources(fields),
            Draft = fields.Bool("draft") ?? false,
            Slug = fields.String("slug"),
            SlugLocation = slugNode is null ? default : fields.LocationOf(slugNode),
            Lang = fields.String("lang"),
            LangLocation = fields.Node("lang") is { } langNode ? fields.LocationOf(langNode) : default,
            TranslationKey = fields.String("translation_key"),
            Typography = fields.Choice("typography", "fr", "en", "none"),
            Toc = fields.Bool("toc") ?? false,
            Expires = Date(fields, "expires", timeZone),
            Aliases = fields.StringList("aliases"),
            AliasesLocation = fields.Node("aliases") is { } aliases ? fields.LocationOf(aliases) : default,
            AuthorLocation = (fields.Node("authors") ?? fields.Node("author")) is { } author ? fields.LocationOf(author) : default,
            Params = Params(fields),
        };
        fields.ReportUnread(DiagnosticCodes.YamlUnknownKey, "front matter", KnownKeys);
        return frontMatter;
    }

    /// <summary><c>author: key</c>, or <c>authors: [a, b]</c> for an article written by several.</summary>
    private static IReadOnlyList<string> Authors(YamlFieldReader fields)
    {
        var one = fields.String("author");
        var several = fields.StringList("authors");
        if (one is not null && several.Count > 0)
        {
            fields.Diagnostics.Warning(DiagnosticCodes.YamlUnknownKey, fields.LocationOf(fields.Node("author")!),
                "both 'author' and 'authors' are given; 'authors' is used: put every author in it and remove 'author'");
        }

        return several.Count > 0 ? [.. several.Distinct(StringComparer.Ordinal)] : one is null ? [] : [one];
    }

    private static Dictionary<string, object?> Params(YamlFieldReader fields)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in fields.UnreadEntries())
        {
            result[key.Value] = YamlPlainObjects.Convert(value);
        }

        return result;
    }

    private static DateTimeOffset? Date(YamlFieldReader fields, string key, TimeZoneInfo timeZone)
    {
        var node = fields.Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar && TryParseDate(scalar.Value, timeZone, out var date))
        {
            return date;
        }

        fields.WrongType(key, node, "a date such as 2024-09-25 or 2024-09-25T10:30:00+02:00");
        return null;
    }

    /// <summary>False for a date-only value such as <c>2024-09-25</c>.</summary>
    private static bool HasTime(YamlValue? node) => node is not YamlScalar { Value: var text } || text.Trim().Length > 10;

    private static bool HasOffset(string text)
    {
        text = text.Trim();
        return text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10;
    }

    internal static bool TryParseDate(string text, TimeZoneInfo timeZone, out DateTimeOffset date)
    {
        text = text.Trim();
        var hasOffset = HasOffset(text);
        if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = default;
            return false;
        }

        if (parsed.Year is < 2 or > 9998)
        {
            date = default;
            return false; // no time zone can move it without leaving the calendar .NET knows
        }

        if (hasOffset)
        {
            // The text carried its own offset: keep that instant, shown in the site's timezone.
            date = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc)), timeZone);
        }
        else
        {
            // A local date or time is in the site's timezone.
            var local = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
            date = new DateTimeOffset(local, timeZone.GetUtcOffset(local));
        }

        return true;
    }

    private static ImageRef? Image(YamlFieldReader fields)
    {
        var node = fields.Node("image");
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsNull: false } src:
                return new ImageRef(src.Value, "", null, null, null, fields.LocationOf(src));
            case YamlMapping mapping:
                var image = fields.Nested(mapping);
                var result = new ImageRef(
                    image.String("src", required: true) ?? "",
                    image.String("alt") ?? "",
                    image.String("caption"),
                    image.String("credit"),
                    image.Url("credit_url"),
                    image.LocationOf(image.Node("src") ?? mapping),
                    Focus(image));
                image.ReportUnread(DiagnosticCodes.YamlUnknownKey, "image", ["src", "alt", "caption", "credit", "credit_url", "focus"]);
                return result;
            default:
                fields.WrongType("image", node, "a mapping with src, alt, caption and credit");
                return null;
        }
    }

    /// <summary><c>focus: [x, y]</c>, two fractions of the width and the height.</summary>
    private static FocusPoint? Focus(YamlFieldReader image)
    {
        if (image.Node("focus") is not { } node)
        {
            return null;
        }

        var parts = image.StringList("focus");
        if (parts.Count == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x is >= 0 and <= 1
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && y is >= 0 and <= 1)
        {
            return new FocusPoint(x, y);
        }

        image.WrongType("image.focus", node, "two numbers from 0 to 1, from the left and from the top: [0.3, 0.4]");
        return null;
    }

    private static ReviewInfo? Review(YamlFieldReader fields)
    {
        if (fields.Mapping("review") is not { } mapping)
        {
            return null;
        }

        var review = fields.Nested(mapping);
        var name = review.String("name", required: true) ?? "";
        var scale = review.Number("scale") ?? 10;
        if (scale <= 0)
        {
            fields.Diagnostics.Error(DiagnosticCodes.YamlWrongType, review.LocationOf(review.Node("scale")!),
                $"review scale must be above 0, found {scale.ToString(CultureInfo.InvariantCulture)}");
            scale = 10;
        }

        var score = review.Number("score");
        if (score is { } value && (value < 0 || value > scale))
        {
            fields.Diagnostics.Error(DiagnosticCodes.YamlWrongType, review.LocationOf(review.Node("score")!),
                $"review score {value.ToString(CultureInfo.InvariantCulture)} is outside 0..{scale.ToString(CultureInfo.InvariantCulture)}; fix the score or set 'scale:'");
        }

        var result = new ReviewInfo(name, review.StringList("features"), review.StringList("pros"),
            review.StringList("cons"), score, scale, review.String("verdict"));
        review.ReportUnread(DiagnosticCodes.YamlUnknownKey, "review",
            ["name", "features", "pros", "cons", "score", "scale", "verdict"]);
        return result;
    }

    private static List<SourceRef> Sources(YamlFieldReader fields)
    {
        var node = fields.Node("sources");
        var sources = new List<SourceRef>();
        var items = node switch
        {
            null => [],
            YamlSequence sequence => sequence.Items,
            _ => [node],
        };
        foreach (var item in items)
        {
            switch (item)
            {
                case YamlScalar { IsNull: false } name:
                    sources.Add(new SourceRef(name.Value, null));
                    break;
                case YamlMapping mapping:
                    var source = fields.Nested(mapping);
                    var sourceName = source.String("name", required: true);
                    var url = source.Url("url");
                    source.ReportUnread(DiagnosticCodes.YamlUnknownKey, "source", ["name", "url"]);
                    if (sourceName is not null)
                    {
                        sources.Add(new SourceRef(sourceName, url));
                    }

                    break;
                default:
                    fields.WrongType("sources", item, "a list of names or { name, url } entries");
                    break;
            }
        }

        return sources;
    }
}
