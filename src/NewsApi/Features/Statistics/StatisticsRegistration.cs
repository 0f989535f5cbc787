namespace NewsApi.Features.Statistics;

public static class StatisticsRegistration
{
    public static WebApplicationBuilder AddEditorialStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DashboardStatistics>();
        return builder;
    }
}
