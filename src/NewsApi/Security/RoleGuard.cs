using GraphQL;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Security;

public static class RoleGuard
{
    /// <summary>
    /// The caller, when its role is at least <paramref name="role"/>; otherwise a field error, raised before the
    /// resolver touches the store, so nothing is written.
    /// </summary>
    public static Caller RequireRole(this IResolveFieldContext context, ApiRole role)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Security.Caller.From(context.User);
        if (!caller.IsAuthenticated)
        {
            throw new ApiError(ErrorCodes.Unauthenticated, $"This needs an API key with the {RoleNames.Of(role)} role.");
        }

        if (!caller.IsAtLeast(role))
        {
            var has = caller.Role is { } own ? $"the {RoleNames.Of(own)} role" : "no role";
            throw new ApiError(ErrorCodes.Forbidden, $"This needs the {RoleNames.Of(role)} role; '{caller.KeyName}' has {has}.");
        }

        return caller;
    }

    public static Caller GetCaller(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Security.Caller.From(context.User);
    }
}
