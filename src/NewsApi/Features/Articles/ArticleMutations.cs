using GraphQL.Types;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

public static class ArticleMutations
{
    public static void AddArticleMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateArticleInput, CreateArticleInputGraphType, ArticlePayloadGraphType, Article>(
            "createArticle",
            "Creates a DRAFT article. Without a slug, one is made from the headline (Arabic kept; -2, -3 on collision).",
            ApiRole.Editor,
            (services, input, caller, token) => services.GetRequiredService<ArticleEditor>().CreateAsync(input, caller, token));

        mutation.Mutation<UpdateArticleInput, UpdateArticleInputGraphType, ArticlePayloadGraphType, Article>(
            "updateArticle",
            "Changes an article's content. Needs the version the editor last saw: a stale one gets CONFLICT and writes nothing.",
            ApiRole.Editor,
            (services, input, caller, token) => services.GetRequiredService<ArticleEditor>().UpdateAsync(input, caller, token));

        mutation.Mutation<PublishArticleInput, PublishArticleInputGraphType, ArticlePayloadGraphType, Article>(
            "publishArticle",
            "Publishes a DRAFT, SCHEDULED or ARCHIVED article now, or schedules it for `at` (SCHEDULED, published by the server at that time).",
            ApiRole.Editor,
            (services, input, caller, token) => services.GetRequiredService<ArticleEditor>().PublishAsync(input, caller, token));

        mutation.Mutation<ArticleTransitionInput, ArticleTransitionInputGraphType, ArticlePayloadGraphType, Article>(
            "unpublishArticle",
            "Takes a PUBLISHED or SCHEDULED article back to DRAFT.",
            ApiRole.Editor,
            (services, input, caller, token) => services.GetRequiredService<ArticleEditor>().UnpublishAsync(input, caller, token));

        mutation.Mutation<ArticleTransitionInput, ArticleTransitionInputGraphType, ArticlePayloadGraphType, Article>(
            "archiveArticle",
            "Withdraws an article from every public list and page; it is kept, and can be published again.",
            ApiRole.Editor,
            (services, input, caller, token) => services.GetRequiredService<ArticleEditor>().ArchiveAsync(input, caller, token));

        mutation.Mutation<ArticleTransitionInput, ArticleTransitionInputGraphType, DeleteArticlePayloadGraphType, string>(
            "deleteArticle",
            "Deletes an article with its tags, byline, related links and revisions. Admins only; the audit log keeps the record.",
            ApiRole.Admin,
            (services, input, _, token) => services.GetRequiredService<ArticleEditor>().DeleteAsync(input, token));

        mutation.Mutation<SetArticleTagsInput, SetArticleTagsInputGraphType, ArticlePayloadGraphType, Article>(
            "setArticleTags",
            "Replaces an article's tags with the given ones, in order.",
            ApiRole.Editor,
            (services, input, caller, token) => services.GetRequiredService<ArticleEditor>().SetTagsAsync(input, caller, token));
    }
}
