using System.Globalization;
using Gazette.Text;

namespace Gazette.Tests.Text;

public class DatesTests
{
    [Theory]
    [InlineData(2024, 9, 25, 10, 30, 0, 120)]
    [InlineData(2024, 1, 1, 0, 0, 0, 0)]
    [InlineData(1999, 12, 31, 23, 59, 59, -300)]
    [InlineData(2023, 6, 15, 8, 5, 9, 330)]
    [InlineData(2021, 3, 7, 12, 0, 1, -570)]
    [InlineData(987, 2, 3, 4, 5, 6, 840)]
    public void Iso_is_written_digit_by_digit_as_the_format_string_writes_it(int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
    {
        var date = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes));

        Assert.Equal(date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), Dates.Iso(date));
    }

    [Fact]
    public void Iso_of_a_date_reads_as_iso_8601()
    {
        Assert.Equal("2024-09-25T10:30:00+02:00", Dates.Iso(new DateTimeOffset(2024, 9, 25, 10, 30, 0, TimeSpan.FromHours(2))));
        Assert.Equal("2021-03-07T12:00:01-09:30", Dates.Iso(new DateTimeOffset(2021, 3, 7, 12, 0, 1, TimeSpan.FromMinutes(-570))));
    }
}
