using NewsApi.Data.Entities;

namespace NewsApi.Security;

/// <summary>The roles as written in claims, on the command line and in the audit log.</summary>
public static class RoleNames
{
    public const string Partner = "partner";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static string Of(ApiRole role) => role switch
    {
        ApiRole.Partner => Partner,
        ApiRole.Editor => Editor,
        ApiRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, out ApiRole role)
    {
        role = name switch
        {
            Partner => ApiRole.Partner,
            Editor => ApiRole.Editor,
            Admin => ApiRole.Admin,
            _ => 0,
        };
        return role != 0;
    }
}
