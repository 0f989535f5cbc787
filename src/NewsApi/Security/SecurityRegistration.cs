using Microsoft.AspNetCore.Authentication;

namespace NewsApi.Security;

public static class SecurityRegistration
{
    /// <summary>
    /// API-key authentication as the default scheme. ASP.NET Core adds the authentication middleware by itself once
    /// the scheme is registered, so Program.cs needs no Use call; GraphQL sees the result as ExecutionOptions.User.
    /// </summary>
    public static WebApplicationBuilder AddNewsSecurity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        return builder;
    }
}
