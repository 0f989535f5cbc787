namespace NewsApi.Transport;

/// <summary>
/// The <c>extensions.code</c> values the transport itself assigns. Clients switch on them, so they never change;
/// GraphQL.NET's validation codes (FIELDS_ON_CORRECT_TYPE and the like) pass through untouched.
/// </summary>
public static class ErrorCodes
{
    public const string BadRequest = "BAD_REQUEST";
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidUtf8 = "INVALID_UTF8";
    public const string MissingQuery = "MISSING_QUERY";

    // Persisted documents (Features/PersistedDocuments): Apollo's code for an unknown hash, so its links retry with the query.
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string PersistedQueryVersionNotSupported = "PERSISTED_QUERY_VERSION_NOT_SUPPORTED";
    public const string PersistedDocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND";
    public const string PersistedDocumentRequired = "PERSISTED_DOCUMENT_REQUIRED";

    // Cross-origin requests (Transport/Cors): a key used from an origin it is not allowed on.
    public const string OriginNotAllowed = "ORIGIN_NOT_ALLOWED";
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string InvalidVariables = "INVALID_VARIABLES";
    public const string ExecutionFailed = "GRAPHQL_EXECUTION_FAILED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string Timeout = "TIMEOUT";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
    public const string SlowConsumer = "SLOW_CONSUMER";
}
