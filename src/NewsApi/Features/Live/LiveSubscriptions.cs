using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;

namespace NewsApi.Features.Live;

public static class LiveSubscriptions
{
    public static void AddLiveSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<TickerChangeGraphType>>("tickerChanged")
            .Description("Every change to the ticker as it happens. With `since`, first what was missed after that sequence.")
            .Argument<StringGraphType>("since", "The `sequence` of the last change received, to resume after a lost connection.")
            .ResolveStream(context =>
            {
                var since = LiveEvents.ParseSequence(context.GetArgument<string?>("since"));
                var events = context.RequestServices!.GetRequiredService<LiveEvents>();
                return TickerChangeFeed.ReadAsync(events, since).ToObservable();
            });

        subscription.Field<NonNullGraphType<ArticleGraphType>>("articlePublished")
            .Description("Articles as they are published, optionally only those of a section or carrying any of some tags.")
            .Argument<StringGraphType>("section", "Section slug.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("tags", "Tag slugs: articles with any of them.")
            .Argument<StringGraphType>("since", "The last sequence received (see `articleSequence`), to resume.")
            .ResolveStream(context => Articles(context, ContentEventKind.ArticlePublished).ToObservable());

        subscription.Field<NonNullGraphType<ArticleGraphType>>("articleCorrected")
            .Description("Published articles whose headline, standfirst or body changed.")
            .Argument<StringGraphType>("section", "Section slug.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("tags", "Tag slugs: articles with any of them.")
            .Argument<StringGraphType>("since", "The last sequence received, to resume.")
            .ResolveStream(context => Articles(context, ContentEventKind.ArticleCorrected).ToObservable());
    }

    private static async IAsyncEnumerable<Article> Articles(IResolveFieldContext context, ContentEventKind wanted, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var since = LiveEvents.ParseSequence(context.GetArgument<string?>("since"));
        var section = context.GetArgument<string?>("section");
        var tags = context.GetArgument<List<string>?>("tags");
        var events = context.RequestServices!.GetRequiredService<LiveEvents>();
        var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<NewsDbContext>>();
        var clock = context.RequestServices!.GetRequiredService<TimeProvider>();
        await foreach (var contentEvent in events.ReadAsync(since, cancellationToken))
        {
            if (contentEvent.Kind != wanted)
            {
                continue;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var query = db.Articles.PubliclyVisible(clock.GetUtcNow().UtcDateTime).Where(a => a.Id == contentEvent.EntityId);
            if (section is not null)
            {
                query = query.Where(a => a.Section!.Slug == section);
            }

            if (tags is { Count: > 0 })
            {
                query = query.Where(a => a.Tags.Any(t => tags.Contains(t.Tag!.Slug)));
            }

            // Unpublished again, or outside the filter: not for this subscriber.
            if (await query.Select(ArticleSummary.Projection).FirstOrDefaultAsync(cancellationToken) is { } article)
            {
                yield return article;
            }
        }
    }
}
