using System.Globalization;

namespace Gazette.Text;

/// <summary>Date formats machines read (HTML, JSON-LD, feeds, sitemaps), the same everywhere and
/// independent of the machine's culture.</summary>
public static class Dates
{
    /// <summary>ISO 8601 with the offset: <c>2024-09-25T10:30:00+02:00</c>.</summary>
    public static string Iso(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
