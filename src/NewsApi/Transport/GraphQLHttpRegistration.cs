using System.Diagnostics.CodeAnalysis;
using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsApi.Transport;

public static class GraphQLHttpRegistration
{
    /// <summary>The GraphQL over HTTP transport's services and its <see cref="GraphQLHttpOptions"/> from <c>GraphQL:Http</c>.</summary>
    public static WebApplicationBuilder AddGraphQLHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLHttpOptions>()
            .Bind(builder.Configuration.GetSection(GraphQLHttpOptions.SectionName))
            .Validate(options => options.MaxRequestBodyBytes > 0, "GraphQL:Http:MaxRequestBodyBytes must be positive.")
            .Validate(options => options.MaxConcurrentExecutions is null or > 0, "GraphQL:Http:MaxConcurrentExecutions must be positive.")
            .Validate(options => options.MaxExecutionWait > TimeSpan.Zero, "GraphQL:Http:MaxExecutionWait must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<GraphQLHttpRequestReader>();
        builder.Services.AddSingleton<GraphQLHttpEndpoint>();
        builder.Services.AddSingleton<GraphQLExecutionSlots>();
        builder.Services.TryAddSingleton<ExecutionErrorNormalizer>();
        builder.Services.AddGraphQL(graph => graph.AddErrorInfoProvider(errors =>
        {
            // Clients switch on extensions.code; exception types, stack traces and exception data stay in the log.
            errors.ExposeCode = true;
            errors.ExposeCodes = false;
            errors.ExposeData = false;
            errors.ExposeExceptionDetails = false;
        }));
        return builder;
    }

    /// <summary>Serves GraphQL over HTTP (GET for queries, POST for everything) at <paramref name="pattern"/>.</summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints.ServiceProvider.GetService<GraphQLHttpEndpoint>()
            ?? throw new InvalidOperationException("Call builder.AddGraphQLHttp() before app.MapGraphQLHttp().");
        return endpoints.Map(pattern, endpoint.HandleAsync).WithDisplayName("GraphQL over HTTP");
    }
}
