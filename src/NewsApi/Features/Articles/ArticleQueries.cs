using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using NewsApi.Features.Related;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Articles;

public static class ArticleQueries
{
    /// <summary>
    /// The <c>first</c> of the one <c>related</c> field selected on the article, when it is a valid page size. Anything
    /// else (no such field, two with different sizes) leaves the related stories to their own loader.
    /// </summary>
    private static int? RelatedFirstSelected(IResolveFieldContext context)
    {
        var selected = context.SubFields?.Values.Where(f => f.FieldType.Name == "related").ToList();
        if (selected is not [var (field, _)])
        {
            return null;
        }

        var first = field.Arguments?.ValueFor("first") switch
        {
            null => RelatedStoriesByArticleIdDataLoader.DefaultFirst,
            GraphQLIntValue literal => int.TryParse(literal.Value, out var value) ? value : (int?)null,
            GraphQLVariable variable => context.Variables.ValueFor(variable.Name.StringValue, out var bound) && bound.Value is int value ? value : null,
            _ => null,
        };
        return first is >= 0 and <= RelatedStoriesByArticleIdDataLoader.MaxFirst ? first : null;
    }

    public static void AddArticleQueries(this ObjectGraphType query)
    {
        query.Field<ArticleGraphType>("article")
            .Description("One article, by global ID or by slug (exactly one of the two): published ones for the public and partners; any status for editors and admins.")
            .Argument<IdGraphType>("id", "Global ID of the article.")
            .Argument<StringGraphType>("slug", "Slug of the article: its current one, or one it had before an editor renamed it. The returned `slug` is always the current one; when it differs from the one asked for, link to (or redirect to) the returned one.")
            .Resolve(context =>
            {
                var id = context.GetArgument<string?>("id");
                var slug = context.GetArgument<string?>("slug");
                if ((id is null) == (slug is null))
                {
                    throw new ApiError(ErrorCodes.BadUserInput, "Give `article` exactly one of `id` or `slug`.");
                }

                var services = context.RequestServices!;
                if (context.GetCaller().SeesUnpublished)
                {
                    // Editors open drafts and scheduled stories by link from their dashboard; only this field, never lists or node.
                    return id is not null
                        ? services.GetRequiredService<AnyStatusArticleByIdDataLoader>().LoadAsync(GlobalId.Expect(ArticleGraphType.TypeName, id))
                        : services.GetRequiredService<AnyStatusArticleBySlugDataLoader>().LoadAsync(slug!);
                }

                if (id is not null)
                {
                    return services.GetRequiredService<ArticleByIdDataLoader>().LoadAsync(GlobalId.Expect(ArticleGraphType.TypeName, id));
                }

                var bySlug = services.GetRequiredService<ArticleBySlugDataLoader>();
                if (context.SubFields?.Values.Any(f => f.FieldType.Name == "body") == true)
                {
                    bySlug.IncludeBodies();
                }

                if (RelatedFirstSelected(context) is int first)
                {
                    bySlug.IncludeRelated(first);
                }

                return bySlug.LoadAsync(slug!);
            });

        query.Field<NonNullGraphType<ArticleConnectionGraphType>>("articles")
            .Description("Published articles, newest first by default: the home and section feeds. Editors and admins list drafts, scheduled or archived articles by naming those statuses in `where.status`.")
            .PagingArguments()
            .Argument<ArticleFilterInputGraphType>("where", "Conditions the articles must meet.")
            .Argument<ArticleOrderGraphType>("orderBy", "Order by publication time.", argument => argument.DefaultValue = ArticleOrder.Newest)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ArticleFeed>().PageAsync(
                context.GetArgument<ArticleFilter?>("where") ?? new ArticleFilter(),
                context.GetArgument("orderBy", ArticleOrder.Newest),
                PageRequest.From(context),
                context.GetCaller(),
                SelectionScan.AnyBeneath(context, "tags", "authors"),
                context.CancellationToken));
    }
}
