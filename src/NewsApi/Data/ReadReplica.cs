using Microsoft.EntityFrameworkCore;

namespace NewsApi.Data;

/// <summary>
/// The PostgreSQL streaming replica named by <c>ConnectionStrings:NewsReplica</c>, when there is one. Only
/// <see cref="ReadContexts"/> hands its contexts out: everything else in the server works on the primary.
/// </summary>
public sealed class ReadReplica(IDbContextFactory<NewsDbContext>? contexts)
{
    public const string ConnectionStringName = "NewsReplica";

    /// <summary>The replica's contexts; null when no replica is configured.</summary>
    public IDbContextFactory<NewsDbContext>? Contexts => contexts;
}
