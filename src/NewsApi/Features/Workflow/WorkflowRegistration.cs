namespace NewsApi.Features.Workflow;

public static class WorkflowRegistration
{
    /// <summary>The scheduler, configured from <c>Workflow</c>. Registered after the store so it starts once migrations have run.</summary>
    public static WebApplicationBuilder AddNewsWorkflow(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WorkflowOptions.SectionName);
        builder.Services.Configure<WorkflowOptions>(section);
        builder.Services.AddSingleton<ScheduledPublisher>();
        if ((section.Get<WorkflowOptions>() ?? new WorkflowOptions()).Enabled)
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<ScheduledPublisher>());
        }

        return builder;
    }
}
