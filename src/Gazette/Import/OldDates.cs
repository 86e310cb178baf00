using System.Globalization;
using System.Text.RegularExpressions;

namespace Gazette.Import;

/// <summary>
/// Dates as Jekyll (Ruby), Hugo (Go) and Eleventy write them: ISO 8601, a space instead of the
/// <c>T</c>, Ruby's offsets (<c>-4</c>, <c>-0700</c>), unpadded months and days (<c>2015-10-8</c>).
/// A time without an offset is the old site's local time, as its generator read it.
/// </summary>
internal static partial class OldDates
{
    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DatedName();

    public static OldDate? Parse(string text, TimeZoneInfo zone)
    {
        var match = DatePattern().Match(text.Trim().Trim('"', '\''));
        if (!match.Success)
        {
            return null;
        }

        int Number(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var (year, month, day) = (Number(1), Number(2), Number(3));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || Number(4) > 23 || Number(5) > 59 || Number(6) > 59)
        {
            return null;
        }

        var hasTime = match.Groups[4].Success;
        var local = new DateTime(year, month, day, Number(4), Number(5), Number(6), DateTimeKind.Unspecified);
        var offset = match.Groups[8].Success ? Offset(match.Groups[8].Value) : zone.GetUtcOffset(local);
        return offset is { } value ? new OldDate(new DateTimeOffset(local, value), hasTime) : null;
    }

    /// <summary>The date and slug of a <c>YYYY-MM-DD-slug</c> file name.</summary>
    public static (OldDate? Date, string Slug) FromFileName(string name, TimeZoneInfo zone)
    {
        var match = DatedName().Match(name);
        if (!match.Success || Parse($"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}", zone) is not { } date)
        {
            return (null, name);
        }

        return (date, match.Groups[4].Value);
    }

    /// <summary>How Gazette's front matter writes it: the offset always, the time only when the old
    /// site gave one (a date-only date stays one, and shows no made-up time).</summary>
    public static string Format(OldDate date) => date.HasTime
        ? date.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeSpan? Offset(string text)
    {
        if (text.Equals("Z", StringComparison.OrdinalIgnoreCase) || text.Equals("UTC", StringComparison.OrdinalIgnoreCase) || text.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return TimeSpan.Zero;
        }

        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        var (hours, minutes) = digits.Length <= 2
            ? (int.Parse(digits, CultureInfo.InvariantCulture), 0)
            : (int.Parse(digits[..^2], CultureInfo.InvariantCulture), int.Parse(digits[^2..], CultureInfo.InvariantCulture));
        return hours > 14 || minutes > 59 ? null : sign * new TimeSpan(hours, minutes, 0);
    }
}
