namespace NewsApi.Graph;

/// <summary>
/// Every stable <c>extensions.code</c> NewsApi assigns, in one table: the graph's own, the transport's and the limits'.
/// Clients branch on these, never on messages, so a code once shipped is never renamed. GraphQL.NET's validation codes
/// (FIELDS_ON_CORRECT_TYPE and the like) pass through untouched. README's error-code table lists them all.
/// </summary>
public static class ErrorCodes
{
    // The graph: arguments, ids, roles.

    /// <summary>An argument has a value the field cannot use (e.g. both id and slug, neither).</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>A cursor was not issued by this connection, or was altered.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>first/last outside 0..100.</summary>
    public const string PageSizeOutOfRange = "PAGE_SIZE_OUT_OF_RANGE";

    /// <summary>A global ID that does not decode, or decodes to another type.</summary>
    public const string InvalidId = "INVALID_ID";

    /// <summary>The caller's role does not allow this (e.g. asking for drafts).</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The operation needs an API key and the request carried none that is valid.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>A statistics range that is empty, reversed or longer than the maximum (366 days).</summary>
    public const string InvalidDateRange = "INVALID_DATE_RANGE";

    // The transport (GraphQL over HTTP and graphql-transport-ws): what was sent and how.
    public const string BadRequest = "BAD_REQUEST";
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidUtf8 = "INVALID_UTF8";
    public const string MissingQuery = "MISSING_QUERY";
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string InvalidVariables = "INVALID_VARIABLES";
    public const string ExecutionFailed = "GRAPHQL_EXECUTION_FAILED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string Timeout = "TIMEOUT";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>A write kept losing to concurrent writes (deadlock, serialization failure, SQLite busy) after its retries.</summary>
    public const string WriteConflict = "WRITE_CONFLICT";
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
    public const string SlowConsumer = "SLOW_CONSUMER";

    // Persisted documents (Features/PersistedDocuments): Apollo's code for an unknown hash, so its links retry with the query.
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string PersistedQueryVersionNotSupported = "PERSISTED_QUERY_VERSION_NOT_SUPPORTED";
    public const string PersistedDocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND";
    public const string PersistedDocumentRequired = "PERSISTED_DOCUMENT_REQUIRED";

    // Cross-origin requests (Transport/Cors): a key used from an origin it is not allowed on.
    public const string OriginNotAllowed = "ORIGIN_NOT_ALLOWED";

    // Limits (Security): each limit a request can break has its own code, so clients can tell which.
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string NodeLimitExceeded = "NODE_LIMIT_EXCEEDED";
    public const string CostLimitExceeded = "COST_LIMIT_EXCEEDED";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string TooManyRootFields = "TOO_MANY_ROOT_FIELDS";
    public const string TooManyDirectives = "TOO_MANY_DIRECTIVES";
    public const string QueryTooLong = "QUERY_TOO_LONG";
    public const string VariablesTooLarge = "VARIABLES_TOO_LARGE";
    public const string TooManyErrors = "TOO_MANY_ERRORS";

    /// <summary>The caller's cost budget cannot pay for the operation now: HTTP 429 with Retry-After.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>A mutation or subscription while the schema has none (they come with later issues).</summary>
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";
}
