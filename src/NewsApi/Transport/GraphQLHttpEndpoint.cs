using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using NewsApi.Data;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Transport;

/// <summary>
/// The <c>/graphql</c> endpoint: GraphQL over HTTP (graphql.github.io/graphql-over-http/draft) on top of
/// GraphQL.NET's executer, with the status codes and media types the spec and the graphql-http audit expect.
/// </summary>
internal sealed partial class GraphQLHttpEndpoint(
    IDocumentExecuter<ISchema> executer,
    IDocumentBuilder documentBuilder,
    NewsApi.Graph.ParsedDocumentCache documents,
    IGraphQLSerializer serializer,
    GraphQLHttpRequestReader reader,
    IOptions<GraphQLHttpOptions> options,
    RequestSizeGuard sizeGuard,
    DatabaseReadiness readiness,
    ExecutionErrorNormalizer errorRules,
    NewsApi.Features.PersistedDocuments.PersistedDocumentResolver persisted,
    NewsApi.Features.Caching.CacheableResponseWriter cacheable,
    GraphQLExecutionSlots slots,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context);
        }
        catch (Exception ex) when (ex is OperationCanceledException or BadHttpRequestException && context.RequestAborted.IsCancellationRequested)
        {
            // The client left (Kestrel may report it as a body that ended early); nobody is there to read an answer.
        }
#pragma warning disable CA1031 // The last line of defence: whatever escaped must still be a GraphQL response, not a bare 500 page.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnhandledException(logger, ex, context.TraceIdentifier, null);
            if (!context.Response.HasStarted)
            {
                context.Response.Headers.Remove("Allow");
                await WriteAsync(context, StatusCodes.Status500InternalServerError,
                    ResponseMediaType.Negotiate(context.Request) ?? ResponseMediaType.JsonContentType,
                    ErrorResult(new InternalServerError(context.TraceIdentifier)));
            }
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method) && options.Value.AllowGet;
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            var allow = options.Value.AllowGet ? "GET, POST" : "POST";
            context.Response.Headers.Allow = allow;
            await RefuseAsync(context, ResponseMediaType.Negotiate(request) ?? ResponseMediaType.JsonContentType,
                new TransportError(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                    $"{request.Method} is not supported here; use {allow}."));
            return;
        }

        var contentType = ResponseMediaType.Negotiate(request);
        if (contentType is null)
        {
            // The client accepts neither type, so any body is a courtesy; JSON is what a human with curl can read.
            await RefuseAsync(context, ResponseMediaType.JsonContentType,
                new TransportError(StatusCodes.Status406NotAcceptable, ErrorCodes.NotAcceptable,
                    $"Accept '{request.Headers.Accept}' matches neither {ResponseMediaType.GraphQLResponse} nor {ResponseMediaType.Json}."));
            return;
        }

        var (graphQLRequest, error) = isGet ? reader.ReadGet(request) : await reader.ReadPostAsync(context);
        if (error is null)
        {
            // A documentId or APQ hash becomes the document's text here, and the trusted-documents allowlist is enforced.
            (graphQLRequest, error) = persisted.Resolve(context, graphQLRequest!, contentType);
        }

        if (error is not null)
        {
            await RefuseAsync(context, contentType, error);
            return;
        }

        if (!readiness.IsAvailable)
        {
            // Nothing has executed, so the spec allows a 5xx; Retry-After tells well-behaved clients when to come back.
            context.Response.Headers.RetryAfter = "5";
            await RefuseAsync(context, contentType, new TransportError(StatusCodes.Status503ServiceUnavailable,
                ErrorCodes.ServiceUnavailable, "The service is starting or its database is unreachable; retry shortly."));
            return;
        }

        if (sizeGuard.Check(graphQLRequest!.Query, graphQLRequest.VariablesBytes) is { } tooLarge)
        {
            // Refused like a validation error (400, or 200 in application/json): the request was well-formed HTTP.
            var refused = ErrorResult(tooLarge);
            await WriteAsync(context, StatusFor(refused, contentType), contentType, refused);
            return;
        }

        // Subscriptions need a connection that stays open; over plain HTTP they are refused before anything runs.
        if (!isGet && graphQLRequest!.Query.Contains("subscription", StringComparison.Ordinal)
            && TryParse(graphQLRequest.Query) is { } candidate && SelectedOperation(candidate, graphQLRequest.OperationName) == OperationType.Subscription)
        {
            var refused = ErrorResult(new ExecutionError("Subscriptions are served over WebSocket (graphql-transport-ws) at this same path, and the ticker also as Server-Sent Events at /events/ticker.")
            {
                Code = ErrorCodes.OperationNotSupported,
            });
            await WriteAsync(context, StatusFor(refused, contentType), contentType, refused);
            return;
        }

        GraphQLDocument? document = null;
        if (isGet)
        {
            document = TryParse(graphQLRequest!.Query);
            if (document is not null && SelectedOperation(document, graphQLRequest.OperationName) is OperationType.Mutation or OperationType.Subscription)
            {
                // A GET must be safe: prefetchers, crawlers and CDNs repeat it at will.
                context.Response.Headers.Allow = "POST";
                await RefuseAsync(context, contentType,
                    new TransportError(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                        "Only queries may be sent with GET; send mutations and subscriptions with POST."));
                return;
            }
        }

        var execution = new ExecutionOptions
        {
            Query = graphQLRequest!.Query,
            Document = document,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables ?? Inputs.Empty,
            Extensions = graphQLRequest.Extensions ?? Inputs.Empty,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
        };
        ExecutionResult result;
        using (var slot = await slots.EnterAsync(context.RequestAborted))
        {
            if (slot is null)
            {
                // Nothing has executed, so the spec allows a 5xx, as for a database that is unreachable.
                context.Response.Headers.RetryAfter = "1";
                await RefuseAsync(context, contentType, new TransportError(StatusCodes.Status503ServiceUnavailable,
                    ErrorCodes.ServiceUnavailable, "The server is at capacity; retry shortly."));
                return;
            }

            result = await executer.ExecuteAsync(execution);
        }

        errorRules.Normalize(result, context.TraceIdentifier);
        var status = StatusFor(result, contentType);
        var charge = CostCharge.From(execution.UserContext);
        if (charge is { Granted: false })
        {
            // Refused before anything ran, whatever the media type: the client must slow down, not fix its query.
            status = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = charge.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // A shared (cacheable) answer must not carry one caller's budget to the next.
        var hints = cacheable.Decide(context, result, isGet, status);
        var budget = hints is null ? charge : null;
        budget?.WriteHeaders(context.Response.Headers);
        if (QueryCost.From(execution.UserContext) is { } cost)
        {
            (result.Extensions ??= [])["cost"] = cost.ToExtension(budget);
        }

        await cacheable.WriteAsync(context, status, contentType, result, hints);
    }

    /// <summary>
    /// application/json keeps the legacy contract (200 for anything GraphQL answered); the new media type
    /// tells the client through the status whether execution happened at all.
    /// </summary>
    private static int StatusFor(ExecutionResult result, string contentType)
    {
        if (result.Executed || result.Errors is not { Count: > 0 } errors
            || !string.Equals(contentType, ResponseMediaType.GraphQLResponseContentType, StringComparison.Ordinal))
        {
            return StatusCodes.Status200OK;
        }

        // Without a data entry the spec wants 4xx or 5xx; 5xx when the fault is ours or the database's.
        if (errors.Any(e => e.Code == ErrorCodes.InternalServerError))
        {
            return StatusCodes.Status500InternalServerError;
        }

        if (errors.Any(e => e.Code == ErrorCodes.ServiceUnavailable))
        {
            return StatusCodes.Status503ServiceUnavailable;
        }

        return errors.Any(e => e.Code == ErrorCodes.Timeout)
            ? StatusCodes.Status504GatewayTimeout
            : StatusCodes.Status400BadRequest;
    }

    private GraphQLDocument? TryParse(string query)
    {
        if (documents.TryGet(query, out var cached))
        {
            return cached;
        }

        try
        {
            return documentBuilder.Build(query);
        }
        catch (Exception ex) when (ex is GraphQLParserException or SyntaxError)
        {
            // GraphQL.NET's builder wraps the parser's syntax errors in SyntaxError; both are the client's mistake.
            // Left to the executer, which reports them in the usual GraphQL shape.
            return null;
        }
    }

    /// <summary>The type of the operation a request selects; null when the executer must decide (several, none named).</summary>
    private static OperationType? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            if (operationName is null ? selected is null : operation.Name?.StringValue == operationName)
            {
                selected = operation;
                if (operationName is not null)
                {
                    break;
                }
            }
            else if (operationName is null)
            {
                // Several operations and no name: the executer reports that; nothing to refuse here.
                return null;
            }
        }

        return selected?.Operation;
    }

    private async Task RefuseAsync(HttpContext context, string contentType, TransportError error)
    {
        LogRefused(logger, error.StatusCode, error.Code, error.Message);
        await WriteAsync(context, error.StatusCode, contentType, ErrorResult(error));
    }

    private static ExecutionResult ErrorResult(ExecutionError error) => new() { Errors = [error] };

    private async Task WriteAsync(HttpContext context, int statusCode, string contentType, ExecutionResult result)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "private, no-store";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error,
        Message = "Unhandled exception in a GraphQL request; correlation id {CorrelationId}, field {FieldPath}")]
    private static partial void LogUnhandledException(ILogger logger, Exception exception, string correlationId, string? fieldPath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
        Message = "GraphQL request refused with {StatusCode} {Code}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int statusCode, string? code, string reason);
}
