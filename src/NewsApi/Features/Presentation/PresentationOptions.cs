namespace NewsApi.Features.Presentation;

/// <summary>The <c>Presentation</c> configuration section.</summary>
public sealed class PresentationOptions
{
    public const string SectionName = "Presentation";

    /// <summary>The newsroom's time zone: LONG dates are the calendar day readers there see.</summary>
    public string TimeZone { get; set; } = "Asia/Baghdad";
}
