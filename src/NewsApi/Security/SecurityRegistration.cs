using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace NewsApi.Security;

public static class SecurityRegistration
{
    private const string CredentialScheme = "Credential";

    /// <summary>
    /// API keys, and JWT bearer tokens when <c>Auth:Jwt</c> configures them, behind one default scheme that looks at
    /// the credential to pick its handler. ASP.NET Core adds the authentication middleware by itself once a scheme is
    /// registered, so Program.cs needs no Use call; GraphQL sees the result as ExecutionOptions.User.
    /// </summary>
    public static WebApplicationBuilder AddNewsSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(JwtOptions.Section);
        builder.Services.Configure<JwtOptions>(section);
        var jwt = section.Get<JwtOptions>() ?? new JwtOptions();

        var authentication = builder.Services
            .AddAuthentication(CredentialScheme)
            .AddPolicyScheme(CredentialScheme, null, options => options.ForwardDefaultSelector = context =>
                jwt.Enabled && BearerCredentials.FromAuthorizationHeader(context.Request.Headers.Authorization.ToString()) is { } token
                    && !BearerCredentials.IsApiKey(token) && !context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.Enabled)
        {
            authentication.AddJwtBearer(options =>
            {
                if (!string.IsNullOrWhiteSpace(jwt.Authority))
                {
                    options.Authority = jwt.Authority;
                }

                // Claims keep the names the token gives them, so RoleClaim and NameClaim mean what they say.
                options.MapInboundClaims = false;
                options.TokenValidationParameters = JwtPrincipals.ValidationParameters(jwt);
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        context.Principal = JwtPrincipals.From(context.Principal!, jwt);
                        return Task.CompletedTask;
                    },
                };
            });
        }

        builder.Services.AddAuthorization();
        return builder;
    }
}
