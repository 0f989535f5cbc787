using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsApi.Features.Live;

public static class LiveRegistration
{
    /// <summary>The event log writer, the hub that fans it out, and the listener that keeps the hub fed across instances.</summary>
    public static WebApplicationBuilder AddLiveEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentEventHub>();
        builder.Services.AddSingleton<ContentEventRecorder>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<ContentEventRecorder>());
        builder.Services.AddSingleton<LiveEvents>();
        builder.Services.AddHostedService<ContentEventListener>();
        builder.Services.AddHostedService<TickerScheduleAnnouncer>();
        return builder;
    }
}
