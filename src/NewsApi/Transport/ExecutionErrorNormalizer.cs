using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using NewsApi.Data;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Transport;

/// <summary>
/// Gives every error of a result a stable code and swaps unhandled exceptions for a message that leaks nothing (the
/// correlation id names the log entry), the database being away for SERVICE_UNAVAILABLE, and caps their number. One
/// rule for every transport: the HTTP endpoint and each WebSocket result, streamed events included.
/// </summary>
public sealed partial class ExecutionErrorNormalizer(
    IOptions<QueryLimitsOptions> limits,
    SuggestionFilter suggestions,
    DatabaseReadiness readiness,
    ILogger<ExecutionErrorNormalizer> logger)
{
    /// <summary>Rewrites <paramref name="result"/>'s errors in place; <paramref name="correlationId"/> ties a hidden fault to its log entry.</summary>
    public void Normalize(ExecutionResult result, string correlationId)
    {
        if (result.Errors is not { Count: > 0 } errors)
        {
            return;
        }

        var normalized = new ExecutionErrors();
        foreach (var error in errors)
        {
            switch (error)
            {
                case UnhandledError { InnerException: GraphQLMaxDepthExceededException }:
                    // The parser's own guard against stack exhaustion: the client's document, not our fault.
                    normalized.Add(new ExecutionError("The document nests selections, values or fragments too deeply to parse.")
                    {
                        Code = ErrorCodes.MaxDepthExceeded,
                    });
                    continue;
                case TimeoutError:
                    normalized.Add(new ExecutionError("The request took longer than the server allows and was cancelled; ask for less.")
                    {
                        Code = ErrorCodes.Timeout,
                    });
                    continue;
                case UnhandledError { InnerException: { } replicaFault } when ReadReplica.IsReplicaFault(replicaFault):
                    // The read replica could not answer: away (reads go to the primary meanwhile), or a query it cancelled
                    // while replaying the primary's changes (SQLSTATE 40001, which is no write conflict on a replica).
                    // Retryable, and the server itself is fine: readiness is untouched.
                    LogDatabaseUnavailable(logger, replicaFault.Message, correlationId);
                    normalized.Add(Unavailable("The read replica could not answer; retry shortly.", error.Path, correlationId));
                    continue;
                case UnhandledError { InnerException: { } conflict } when WriteConflicts.IsWriteConflict(conflict):
                    // Mutations run again twice before this (MutationFields); the database is fine, so readiness is untouched.
                    normalized.Add(new ExecutionError("The write kept colliding with other writes to the same content and was not made; retry.")
                    {
                        Code = ErrorCodes.WriteConflict,
                        Path = error.Path,
                    });
                    continue;
                case UnhandledError { InnerException: { } cause } when DatabaseReadiness.IsUnavailableFault(cause):
                    // The database is down or restarting: the client should retry, not report a bug.
                    LogDatabaseUnavailable(logger, cause.Message, correlationId);
                    readiness.ReportUnavailable();
                    normalized.Add(Unavailable("The database is unavailable; retry shortly.", error.Path, correlationId));
                    continue;
                case UnhandledError unhandled:
                    var path = unhandled.Path is null ? null : string.Join('.', unhandled.Path);
                    LogUnhandledException(logger, unhandled.InnerException ?? unhandled, correlationId, path);
                    var replacement = new InternalServerError(correlationId) { Path = unhandled.Path };
                    foreach (var location in unhandled.Locations ?? [])
                    {
                        replacement.AddLocation(location);
                    }

                    normalized.Add(replacement);
                    continue;
                case SyntaxError:
                    error.Code = ErrorCodes.ParseFailed;
                    break;
                case InvalidVariableError:
                    error.Code = ErrorCodes.InvalidVariables;
                    break;
                case ValidationError:
                    normalized.Add(suggestions.Filter(error));
                    continue;
                default:
                    if (string.IsNullOrEmpty(error.Code))
                    {
                        error.Code = ErrorCodes.ExecutionFailed;
                    }

                    break;
            }

            normalized.Add(error);
        }

        var max = limits.Value.MaxErrors;
        if (normalized.Count > max)
        {
            // One mistake repeated a thousand times is one mistake: the answer must not outgrow the question.
            var omitted = normalized.Count - max;
            var capped = new ExecutionErrors();
            capped.AddRange(normalized.Take(max));
            capped.Add(new ExecutionError($"{omitted} more errors were left out.") { Code = ErrorCodes.TooManyErrors });
            normalized = capped;
        }

        result.Errors = normalized;
    }

    /// <summary>A retryable SERVICE_UNAVAILABLE at <paramref name="path"/>, with the correlation id the log line carries.</summary>
    private static ExecutionError Unavailable(string message, IEnumerable<object>? path, string correlationId)
    {
        var unavailable = new ExecutionError(message) { Code = ErrorCodes.ServiceUnavailable, Path = path };
        unavailable.AddExtension("correlationId", correlationId);
        return unavailable;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error,
        Message = "Unhandled exception in a GraphQL operation; correlation id {CorrelationId}, field {FieldPath}")]
    private static partial void LogUnhandledException(ILogger logger, Exception exception, string correlationId, string? fieldPath);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "The database is unavailable: {Reason}; correlation id {CorrelationId}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string reason, string correlationId);
}
