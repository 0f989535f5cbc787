using Microsoft.EntityFrameworkCore;

namespace NewsApi.Data;

/// <summary>Hands out the provider's context under the shared type, so no feature needs to know which store it is on.</summary>
internal sealed class NewsDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<NewsDbContext>
    where TContext : NewsDbContext
{
    public NewsDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<NewsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
