namespace NewsApi.Features.Presentation;

public static class PresentationRegistration
{
    public static WebApplicationBuilder AddPresentation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PresentationOptions>()
            .Bind(builder.Configuration.GetSection(PresentationOptions.SectionName))
            .Validate(options => TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _), "Presentation:TimeZone is not a known time zone.")
            .ValidateOnStart();
        return builder;
    }
}
