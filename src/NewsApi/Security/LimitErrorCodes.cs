namespace NewsApi.Security;

/// <summary>The <c>extensions.code</c> of each limit a request can break; each limit has its own so clients can tell which.</summary>
public static class LimitErrorCodes
{
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
