using FluentValidation;
using NewsApi.Graph;
using NewsApi.Validation;

namespace NewsApi.Features.Articles;

public static class ArticleIdRules
{
    /// <summary>A global ID of an Article. Whether the article exists is the editor's to say (NOT_FOUND), in the same transaction as the write.</summary>
    public static IRuleBuilderOptions<T, string?> IsArticleId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => GlobalId.TryDecode(id, out var type, out _) && type == ArticleGraphType.TypeName)
            .WithUserError(UserErrorCodes.NotFound);

    public static int ArticleKey(string id) => GlobalId.Expect(ArticleGraphType.TypeName, id);
}
