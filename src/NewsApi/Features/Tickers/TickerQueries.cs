using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Tickers;

public static class TickerQueries
{
    public static void AddTickerQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tickerHeadlines")
            .Description("Placeholder until the ticker type lands.")
            .ResolveAsync(async context =>
            {
                var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<NewsDbContext>>();
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.TickerItems.Select(t => t.Headline).ToListAsync(context.CancellationToken);
            });
    }
}
