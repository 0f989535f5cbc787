namespace NewsApi.Validation;

/// <summary>The codes of <see cref="Graph.UserError"/>. Clients branch on these whatever the message language, so none is ever renamed.</summary>
public static class UserErrorCodes
{
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string InvalidSlug = "INVALID_SLUG";
    public const string InvalidValue = "INVALID_VALUE";
    public const string NotFound = "NOT_FOUND";
    public const string Duplicate = "DUPLICATE";
    public const string SelfLink = "SELF_LINK";
    public const string TooMany = "TOO_MANY";
    public const string InvalidTime = "INVALID_TIME";
    public const string InvalidState = "INVALID_STATE";
    public const string Conflict = "CONFLICT";
}
