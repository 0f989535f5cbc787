using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace NewsApi.Security;

public static class ProtectionRegistration
{
    /// <summary>
    /// The limits of <see cref="QueryLimitsOptions"/> (<c>GraphQL:Limits</c>) as validation rules and the execution
    /// timeout, and what errors may reveal (<see cref="ErrorExposureOptions"/>, <c>GraphQL:Exposure</c>).
    /// </summary>
    public static WebApplicationBuilder AddGraphQLProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueryLimitsOptions>()
            .Bind(builder.Configuration.GetSection(QueryLimitsOptions.SectionName))
            .Validate(o => o.MaxDepth > 0 && o.MaxNodes > 0 && o.MaxCost > 0 && o.MaxAliases >= 0 && o.MaxRootFields > 0
                && o.MaxQueryLength > 0 && o.MaxVariablesBytes > 0 && o.MaxDirectivesPerLocation >= 0 && o.MaxErrors > 0,
                "GraphQL:Limits values must be positive.")
            .Validate(o => o.ExecutionTimeout > TimeSpan.Zero, "GraphQL:Limits:ExecutionTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<ErrorExposureOptions>()
            .Bind(builder.Configuration.GetSection(ErrorExposureOptions.SectionName));
        builder.Services.AddSingleton<RequestSizeGuard>();
        builder.Services.AddSingleton<SuggestionFilter>();

        builder.Services.AddGraphQL(graph => graph
            .AddValidationRule<AnonymousIntrospectionValidationRule>()
            .AddValidationRule<DocumentShapeValidationRule>()
            // Order matters: each complexity rule runs only when no rule before it reported an error.
            .AddValidationRule<NodeLimitValidationRule>()
            .AddValidationRule<QueryCostValidationRule>()
            .ConfigureExecutionOptions(options =>
            {
                var limits = options.RequestServices!.GetRequiredService<IOptions<QueryLimitsOptions>>().Value;
                options.Timeout = limits.ExecutionTimeout;
                options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
            }));
        return builder;
    }
}
