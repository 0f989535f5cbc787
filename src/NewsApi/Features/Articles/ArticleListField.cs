using GraphQL;
using GraphQL.Types;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Articles;

public static class ArticleListField
{
    /// <summary>
    /// Adds an <c>articles</c> connection to a type whose page lists its own published articles (tag, section,
    /// author pages), paged and ordered exactly like the root <c>articles</c> field.
    /// </summary>
    public static void AddArticlesField<TSource>(this ObjectGraphType<TSource> type, string description, Func<TSource, ArticleFilter> filterOf)
    {
        type.Field<NonNullGraphType<ArticleConnectionGraphType>>("articles")
            .Description(description)
            .PagingArguments()
            .Argument<ArticleOrderGraphType>("orderBy", "Order by publication time.", argument => argument.DefaultValue = ArticleOrder.Newest)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ArticleFeed>().PageAsync(
                filterOf(context.Source),
                context.GetArgument("orderBy", ArticleOrder.Newest),
                PageRequest.From(context),
                Caller.Anonymous,
                SelectionScan.AnyBeneath(context, "tags", "authors"),
                context.CancellationToken));
    }
}
