using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsApi.Features.Related;

public static class RelatedRegistration
{
    /// <summary>Automatic related stories: the background indexer of "similar text" suggestions and its wake-up on saves.</summary>
    public static WebApplicationBuilder AddNewsRelated(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SimilarTextWakeUp>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<SimilarTextWakeUp>());
        builder.Services.AddSingleton<SimilarTextIndexer>();

        // Registered after the data layer's initializer, so it starts once the store is migrated and seeded.
        builder.Services.AddHostedService(services => services.GetRequiredService<SimilarTextIndexer>());
        return builder;
    }
}
