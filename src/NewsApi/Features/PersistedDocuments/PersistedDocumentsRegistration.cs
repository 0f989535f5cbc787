namespace NewsApi.Features.PersistedDocuments;

public static class PersistedDocumentsRegistration
{
    /// <summary>Trusted documents (hashed at start-up) and the APQ store, from <c>PersistedDocuments</c>.</summary>
    public static WebApplicationBuilder AddPersistedDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PersistedDocumentsOptions>()
            .Bind(builder.Configuration.GetSection(PersistedDocumentsOptions.SectionName))
            .Validate(options => options.AutomaticQueryCacheSize > 0, "PersistedDocuments:AutomaticQueryCacheSize must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TrustedDocuments>();
        builder.Services.AddSingleton<AutomaticPersistedQueries>();
        builder.Services.AddSingleton<PersistedDocumentResolver>();
        return builder;
    }
}
