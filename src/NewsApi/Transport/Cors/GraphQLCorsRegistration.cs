namespace NewsApi.Transport.Cors;

public static class GraphQLCorsRegistration
{
    /// <summary>The cross-origin rules for <c>/graphql</c> and their <see cref="GraphQLCorsOptions"/> from <c>Cors</c>.</summary>
    public static WebApplicationBuilder AddGraphQLCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLCorsOptions>()
            .Bind(builder.Configuration.GetSection(GraphQLCorsOptions.SectionName))
            .Validate(options => options.EditorOrigins.All(o => OriginText.Normalize(o) is not null), "Cors:EditorOrigins must hold origins like https://desk.example.")
            .ValidateOnStart();
        builder.Services.AddSingleton<GraphQLCorsMiddleware>();
        return builder;
    }

    /// <summary>Applies the rules to requests for <paramref name="path"/> (preflights included); runs after authentication.</summary>
    public static IApplicationBuilder UseGraphQLCors(this IApplicationBuilder app, string path = "/graphql") =>
        app.UseWhen(context => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<GraphQLCorsMiddleware>());
}
