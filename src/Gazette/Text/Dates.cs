namespace Gazette.Text;

/// <summary>Date formats machines read (HTML, JSON-LD, feeds, sitemaps), the same everywhere and
/// independent of the machine's culture.</summary>
internal static class Dates
{
    /// <summary>The same moment written the same way (same offset): what pages print of a date.</summary>
    public static bool Same(DateTimeOffset? a, DateTimeOffset? b) => a is { } x ? b is { } y && x.EqualsExact(y) : b is null;

    /// <summary>ISO 8601 with the offset: <c>2024-09-25T10:30:00+02:00</c>.</summary>
    public static string Iso(DateTimeOffset date) => string.Create(IsoLength, date, static (chars, date) => WriteIso(date, chars));

    private const int IsoLength = 25;

    /// <summary>Writes <see cref="Iso"/>'s text digit by digit: a sitemap writes one per page, and a
    /// custom format string is read again at every call.</summary>
    private static void WriteIso(DateTimeOffset date, Span<char> chars)
    {
        var offset = date.Offset;
        var offsetMinutes = (int)Math.Abs(offset.TotalMinutes);
        Digits(chars[..4], date.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), date.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), date.Day);
        chars[10] = 'T';
        Digits(chars.Slice(11, 2), date.Hour);
        chars[13] = ':';
        Digits(chars.Slice(14, 2), date.Minute);
        chars[16] = ':';
        Digits(chars.Slice(17, 2), date.Second);
        chars[19] = offset < TimeSpan.Zero ? '-' : '+';
        Digits(chars.Slice(20, 2), offsetMinutes / 60);
        chars[22] = ':';
        Digits(chars.Slice(23, 2), offsetMinutes % 60);
    }

    private static void Digits(Span<char> chars, int value)
    {
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
