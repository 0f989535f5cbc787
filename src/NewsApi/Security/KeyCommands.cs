using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Security;

/// <summary>
/// <c>keys create --name NAME --role partner|editor|admin [--trusted-documents-only] [--origin URL]...</c>, <c>keys list</c>,
/// <c>keys revoke --name NAME</c>.
/// Each brings the store up to date first and never starts the web server.
/// </summary>
public static class KeyCommands
{
    public const string Usage = "usage: keys create --name NAME --role partner|editor|admin [--trusted-documents-only] [--origin https://site.example]... | keys list | keys revoke --name NAME";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var contexts = services.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        var clock = services.GetRequiredService<TimeProvider>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        switch (args.Count > 0 ? args[0] : null)
        {
            case "create":
                return await CreateAsync(db, clock, Option(args, "--name"), Option(args, "--role"),
                    args.Contains("--trusted-documents-only"), Options(args, "--origin"), output, error, cancellationToken);
            case "list":
                return await ListAsync(db, output, cancellationToken);
            case "revoke":
                return await RevokeAsync(db, clock, Option(args, "--name"), output, error, cancellationToken);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CreateAsync(NewsDbContext db, TimeProvider clock, string? name, string? roleName, bool trustedDocumentsOnly,
        IReadOnlyList<string> origins, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > ContentLimits.NameLength || !RoleNames.TryParse(roleName, out var role))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var normalizedOrigins = new List<string>();
        foreach (var origin in origins)
        {
            if (NewsApi.Transport.Cors.OriginText.Normalize(origin) is not { } normalized)
            {
                await error.WriteLineAsync($"'{origin}' is not an origin; give scheme://host[:port], e.g. https://partner.example.");
                return 2;
            }

            normalizedOrigins.Add(normalized);
        }

        var allowedOrigins = normalizedOrigins.Count == 0 ? null : string.Join(' ', normalizedOrigins.Distinct(StringComparer.Ordinal));
        if (allowedOrigins is { Length: > NewsApi.Data.Configurations.ApiKeyConfiguration.AllowedOriginsLength })
        {
            await error.WriteLineAsync("Too many origins for one key.");
            return 2;
        }

        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAt == null, cancellationToken))
        {
            await error.WriteLineAsync($"A key named '{name}' exists; revoke it first or choose another name.");
            return 1;
        }

        var (key, hash, prefix) = ApiKeySecret.Create();
        db.ApiKeys.Add(new ApiKey
        {
            Name = name,
            Role = role,
            KeyHash = hash,
            Prefix = prefix,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            TrustedDocumentsOnly = trustedDocumentsOnly,
            AllowedOrigins = allowedOrigins,
        });
        await db.SaveChangesAsync(cancellationToken);

        await output.WriteLineAsync($"Created {RoleNames.Of(role)} key '{name}' ({prefix}…). It is shown once, here:");

        // Last line, alone, so scripts can take it with `tail -n 1`.
        await output.WriteLineAsync(key);
        return 0;
    }

    private static async Task<int> ListAsync(NewsDbContext db, TextWriter output, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.OrderBy(k => k.Name).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        await output.WriteLineAsync("name\trole\tprefix\tcreated\trevoked\ttrusted-only\torigins");
        foreach (var key in keys)
        {
            await output.WriteLineAsync(string.Join('\t',
                key.Name,
                RoleNames.Of(key.Role),
                key.Prefix,
                key.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                key.RevokedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "-",
                key.TrustedDocumentsOnly ? "yes" : "no",
                key.AllowedOrigins ?? "-"));
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(NewsDbContext db, TimeProvider clock, string? name, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.ApiKeys
            .Where(k => k.Name == name && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now), cancellationToken);
        if (revoked == 0)
        {
            await error.WriteLineAsync($"No live key is named '{name}'.");
            return 1;
        }

        await output.WriteLineAsync($"Revoked key '{name}'.");
        return 0;
    }

    private static List<string> Options(IReadOnlyList<string> args, string name)
    {
        var values = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count)
            {
                values.Add(args[++i]);
            }
            else if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                values.Add(args[i][(name.Length + 1)..]);
            }
        }

        return values;
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
