using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Authors;

public static class AuthorMutations
{
    public static void AddAuthorMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateAuthorInput, CreateAuthorInputGraphType, AuthorPayloadGraphType, Author>(
            "createAuthor",
            "Creates a author. Without a slug, one is made from the name (-2, -3 on collision); a slug given that is taken is DUPLICATE.",
            ApiRole.Editor,
            (services, input, _, token) => services.GetRequiredService<AuthorEditor>().CreateAsync(input, token));

        mutation.Mutation<UpdateAuthorInput, UpdateAuthorInputGraphType, AuthorPayloadGraphType, Author>(
            "updateAuthor",
            "Changes a author.",
            ApiRole.Editor,
            (services, input, _, token) => services.GetRequiredService<AuthorEditor>().UpdateAsync(input, token));
    }
}
