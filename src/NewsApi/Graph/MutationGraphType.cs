using GraphQL.Types;
using NewsApi.Features.Articles;
using NewsApi.Features.Authors;
using NewsApi.Features.Related;
using NewsApi.Features.Sections;
using NewsApi.Features.Tags;
using NewsApi.Features.Tickers;

namespace NewsApi.Graph;

/// <summary>The root mutation: each feature adds its own fields. Every field needs an editor's (or admin's) key.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Description = "The editorial API. Every mutation takes one `input` and returns a payload with `userErrors`; it needs an API key with the editor role (deleteArticle: admin).";
        this.AddArticleMutations();
        this.AddRelatedMutations();
        this.AddTagMutations();
        this.AddSectionMutations();
        this.AddAuthorMutations();
        this.AddTickerMutations();
    }
}
