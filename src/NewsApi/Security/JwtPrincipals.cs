using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace NewsApi.Security;

/// <summary>Turns a validated JWT into a caller of the same shape as an API key's: a name and our roles.</summary>
public static class JwtPrincipals
{
    public const string AuthenticationType = "Jwt";

    public static TokenValidationParameters ValidationParameters(JwtOptions jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            throw new InvalidOperationException($"{JwtOptions.Section}:Audience is required when JWT bearer tokens are enabled.");
        }

        var symmetric = !string.IsNullOrWhiteSpace(jwt.SigningKey);
        if (symmetric && string.IsNullOrWhiteSpace(jwt.Issuer))
        {
            throw new InvalidOperationException($"{JwtOptions.Section}:Issuer is required with a SigningKey.");
        }

        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
            IssuerSigningKey = symmetric ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey!)) : null,
            NameClaimType = jwt.NameClaim,
            RoleClaimType = jwt.RoleClaim,
        };
    }

    /// <summary>
    /// Our principal for a validated token: the name claim (else <c>sub</c>) as the name, and only the role values we
    /// know. A token with none is still authenticated but may do nothing a role is needed for.
    /// </summary>
    public static ClaimsPrincipal From(ClaimsPrincipal token, JwtOptions jwt)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(jwt);
        var name = token.FindFirst(jwt.NameClaim)?.Value ?? token.FindFirst("sub")?.Value ?? "jwt";
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        foreach (var role in token.FindAll(jwt.RoleClaim))
        {
            if (RoleNames.TryParse(role.Value, out var known))
            {
                claims.Add(new Claim(ClaimTypes.Role, RoleNames.Of(known)));
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }

    /// <summary>
    /// Validates a token outside the HTTP pipeline (a WebSocket's connection_init) with the JwtBearer scheme's own
    /// settings and handlers, so both paths accept exactly the same tokens. Null for an invalid token.
    /// </summary>
    public static async Task<ClaimsPrincipal?> ValidateAsync(IServiceProvider services, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var jwt = services.GetRequiredService<IOptions<JwtOptions>>().Value;
        var options = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } manager)
        {
            var configuration = await manager.GetConfigurationAsync(cancellationToken);
            parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], configuration.Issuer];
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. configuration.SigningKeys];
        }

        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (result.IsValid)
            {
                return From(new ClaimsPrincipal(result.ClaimsIdentity), jwt);
            }
        }

        return null;
    }
}
