using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Tickers;

public static class TickerQueries
{
    public const int MaxItems = 100;

    public static void AddTickerQueries(this ObjectGraphType query)
    {
        query.Field<TickerItemGraphType>("tickerItem")
            .Description("One ticker item by global ID: while on air for everyone; in any state (held for review, scheduled, expired) for editors and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the ticker item.")
            .Resolve(context =>
            {
                var id = GlobalId.Expect(TickerItemGraphType.TypeName, context.GetArgument<string>("id"));
                return context.GetCaller().SeesUnpublished
                    ? context.RequestServices!.GetRequiredService<AnyStateTickerItemByIdDataLoader>().LoadAsync(id)
                    : context.RequestServices!.GetRequiredService<TickerItemByIdDataLoader>().LoadAsync(id);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TickerItemGraphType>>>>("ticker")
            .Description("The breaking-news ticker: items on air now, by priority, then the most recent first.")
            .Argument<IntGraphType>("first", $"How many items, 0 to {MaxItems}.", argument => argument.DefaultValue = 10)
            .ValidateArguments(context =>
            {
                if (context.Arguments?.TryGetValue("first", out var first) == true && first.Value is int value && value is < 0 or > MaxItems)
                {
                    throw new ValidationError($"`first` on `ticker` must be between 0 and {MaxItems}; it was {value}.") { Code = ErrorCodes.PageSizeOutOfRange };
                }
            })
            .ResolveAsync(async context =>
            {
                var now = context.RequestServices!.GetRequiredService<PublicClock>().Now;
                var contexts = context.RequestServices!.GetRequiredService<ReadContexts>();
                var first = context.GetArgument("first", 10);
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                if (db is not PostgresNewsDbContext postgres)
                {
                    return await db.TickerItems.Active(now).InTickerOrder().Take(first).ToListAsync(context.CancellationToken);
                }

                if (!SelectionScan.AnyBeneath(context, "article"))
                {
                    return await TickerReads.OnAir(postgres, now, first).ToListAsync(context.CancellationToken);
                }

                var onAir = await TickerReads.OnAirWithArticles(postgres, now, first).ToListAsync(context.CancellationToken);
                var articles = context.RequestServices!.GetRequiredService<ArticleByIdDataLoader>();
                foreach (var row in onAir)
                {
                    if (row.Item.ArticleId is { } articleId)
                    {
                        articles.Prime(articleId, row.Article);
                    }
                }

                return onAir.ConvertAll(row => row.Item);
            });
    }
}
