namespace NewsApi.Features.Presentation;

/// <summary>The <c>Presentation</c> configuration section.</summary>
public sealed class PresentationOptions
{
    public const string SectionName = "Presentation";

    /// <summary>The newsroom's time zone: LONG dates are the calendar day readers there see.</summary>
    public string TimeZone { get; set; } = "Asia/Baghdad";

    /// <summary>The zone itself, looked up once rather than on every formatted date.</summary>
    public TimeZoneInfo Zone => zone is { } known && known.Id == TimeZone ? known : zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    private TimeZoneInfo? zone;
}
