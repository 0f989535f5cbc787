using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using NewsApi.Security;

namespace NewsApi.Hosting.Telemetry;

/// <summary>
/// One activity and one set of measurements per GraphQL operation, whatever the transport (HTTP or WebSocket):
/// operation name and type, cost, duration and error codes. The activity nests under the request's HTTP activity,
/// so its trace id is the one in the request's log scope.
/// </summary>
public sealed class GraphQLOperationTelemetry : IConfigureExecution
{
    // Before the parsed-document cache (50): the measured time includes parsing.
    public float SortOrder => 10;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        using var activity = NewsTelemetry.GraphQL.StartActivity("GraphQL operation");
        var started = Stopwatch.GetTimestamp();
        var result = await next(options);
        var elapsed = Stopwatch.GetElapsedTime(started);

        // Refused at validation there is no selected operation, but the parsed document still names it.
        var operation = result.Operation ?? NamedIn(result.Document ?? options.Document ?? TryParse(options.Query), options.OperationName);
        var name = operation?.Name?.StringValue ?? options.OperationName ?? "anonymous";
        var type = operation?.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "unknown",
        };
        var codes = result.Errors is { Count: > 0 } errors
            ? string.Join(',', errors.Select(e => e.Code ?? "UNKNOWN").Distinct(StringComparer.Ordinal))
            : null;
        var cost = QueryCost.From(options.UserContext);
        var tags = new TagList
        {
            { "graphql.operation.name", name },
            { "graphql.operation.type", type },
            { "graphql.outcome", codes is null ? "ok" : "error" },
        };
        NewsTelemetry.OperationDuration.Record(elapsed.TotalSeconds, tags);
        if (cost is not null)
        {
            NewsTelemetry.OperationCost.Record(cost.Requested, tags);
        }

        if (activity is not null)
        {
            activity.DisplayName = $"{type} {name}";
            activity.SetTag("graphql.operation.name", name);
            activity.SetTag("graphql.operation.type", type);
            if (cost is not null)
            {
                activity.SetTag("graphql.cost", cost.Requested);
            }

            if (codes is not null)
            {
                activity.SetTag("graphql.error.codes", codes);
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        return result;
    }

    private static GraphQLOperationDefinition? NamedIn(GraphQLDocument? document, string? operationName) =>
        document?.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(d => operationName is null || d.Name?.StringValue == operationName);

    /// <summary>Only for operations refused before a document was kept (validation errors); syntax errors stay unnamed.</summary>
    private static GraphQLDocument? TryParse(string? query)
    {
        if (query is null)
        {
            return null;
        }

        try
        {
            return GraphQLParser.Parser.Parse(query);
        }
        catch (Exception exception) when (exception is GraphQLParser.Exceptions.GraphQLParserException or GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            return null;
        }
    }
}
