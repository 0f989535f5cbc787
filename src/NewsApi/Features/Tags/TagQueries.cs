using GraphQL;
using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

public static class TagQueries
{
    public const int MaxQueryLength = 200;

    public static void AddTagQueries(this ObjectGraphType query)
    {
        query.Field<TagGraphType>("tag")
            .Description("One tag by slug, with its articles: the tag page.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "Slug of the tag.")
            .Resolve(context => context.RequestServices!.GetRequiredService<TagBySlugDataLoader>().LoadAsync(context.GetArgument<string>("slug")));

        query.Field<NonNullGraphType<TagConnectionGraphType>>("tags")
            .Description("Tags by name, optionally narrowed by text and kind (editors' autocomplete).")
            .PagingArguments()
            .Argument<StringGraphType>("query", $"Words that each start a word of the name, English name or slug, normalised as in `search` (hamza, taa marbuta, diacritics, digits, case; the article and particles stripped): العر and عراق find العراق. At most {MaxQueryLength} characters.")
            .Argument<TagKindGraphType>("kind", "Only tags of this kind.")
            .ResolveAsync(async context =>
            {
                var text = context.GetArgument<string?>("query");
                if (text is { Length: > MaxQueryLength })
                {
                    throw new ApiError(ErrorCodes.BadUserInput, $"`query` is limited to {MaxQueryLength} characters.");
                }

                return await context.RequestServices!.GetRequiredService<TagDirectory>().PageAsync(
                    text,
                    context.GetArgument<TagKind?>("kind"),
                    PageRequest.From(context),
                    context.CancellationToken);
            });
    }
}
