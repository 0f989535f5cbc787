using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Features.Presentation;

public sealed class CalendarGraphType : EnumerationGraphType<CalendarSystem>
{
    public CalendarGraphType()
    {
        Name = "Calendar";
        Description = "The calendar of a LONG date.";
        this.Describe("GREGORIAN", "Gregorian, with the month names of the Levant and Iraq in Arabic (تشرين الثاني).");
        this.Describe("HIJRI", "Hijri (Umm al-Qura), marked هـ / AH.");
    }
}
