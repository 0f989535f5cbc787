using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Security;

namespace NewsApi.Data;

/// <summary>
/// The contexts one request reads public content with: the replica's when there is one and the request may see a
/// moment-old copy (an anonymous or partner query), the primary's otherwise. Editors and admins read their own writes,
/// and a request that carries a mutation or a subscription (<see cref="RequirePrimary"/>) never reads behind the log
/// that announced what it reads. Decided at each context handed out, so it holds however early a loader was created.
/// </summary>
public sealed class ReadContexts(IDbContextFactory<NewsDbContext> primary, ReadReplica replica, IHttpContextAccessor http)
    : IDbContextFactory<NewsDbContext>
{
    private volatile bool primaryRequired;

    /// <summary>From here on this request reads from the primary.</summary>
    public void RequirePrimary() => primaryRequired = true;

    /// <summary>Whether contexts handed out now come from the replica.</summary>
    public bool ReadsReplica => replica.IsAvailable
        && !primaryRequired
        && http.HttpContext is { } request
        && !Caller.From(request.User).IsAtLeast(ApiRole.Editor);

    public NewsDbContext CreateDbContext() => Chosen.CreateDbContext();

    public Task<NewsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        Chosen.CreateDbContextAsync(cancellationToken);

    private IDbContextFactory<NewsDbContext> Chosen => ReadsReplica ? replica.Contexts! : primary;
}
