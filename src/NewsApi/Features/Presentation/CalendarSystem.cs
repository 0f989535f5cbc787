namespace NewsApi.Features.Presentation;

public enum CalendarSystem
{
    Gregorian,
    Hijri,
}
