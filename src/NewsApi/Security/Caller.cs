using System.Security.Claims;
using NewsApi.Data.Entities;

namespace NewsApi.Security;

/// <summary>
/// Who is asking: the key's name (or a JWT's subject) and role, or nobody (anonymous, public read only). A JWT whose
/// role claim names none of our roles is authenticated without a role: it may read what anonymous callers read.
/// </summary>
public sealed record Caller(string? KeyName, ApiRole? Role)
{
    public static readonly Caller Anonymous = new(null, null);

    public bool IsAuthenticated => KeyName is not null;

    /// <summary>Editors and admins may read drafts, scheduled and archived articles.</summary>
    public bool SeesUnpublished => IsAtLeast(ApiRole.Editor);

    public bool IsAtLeast(ApiRole role) => Role is { } own && own >= role;

    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        // The highest role claimed counts: a JWT may carry several.
        ApiRole? best = null;
        foreach (var claim in user.FindAll(ClaimTypes.Role))
        {
            if (RoleNames.TryParse(claim.Value, out var role) && (best is null || role > best))
            {
                best = role;
            }
        }

        return new Caller(user.Identity.Name ?? string.Empty, best);
    }
}
