namespace NewsApi.Graph;

/// <summary>
/// The stable <c>extensions.code</c> values of errors the graph itself raises. Clients branch on these, never on
/// messages, so a code once shipped is never renamed.
/// </summary>
public static class ErrorCodes
{
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
}
