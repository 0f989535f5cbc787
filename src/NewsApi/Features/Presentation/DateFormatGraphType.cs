using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Presentation;

public sealed class DateFormatGraphType : EnumerationGraphType<DateStyle>
{
    public DateFormatGraphType()
    {
        Name = "DateFormat";
        Description = "How a date is written for readers.";
        this.Describe("ISO", "ISO 8601 in UTC (2026-11-29T01:00:00Z).");
        this.Describe("RELATIVE", "Relative to now (\"منذ ٥ دقائق\", \"5 minutes ago\").");
        this.Describe("LONG", "Weekday, day, month name and year in the newsroom's time zone (\"الأحد 29 تشرين الثاني 2026\").");
    }
}
