using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Security;
using NewsApi.Validation;

namespace NewsApi.Features.Related;

/// <summary>Curated links are part of the article: each change bumps its version and keeps a revision.</summary>
public sealed class RelatedLinkEditor(ArticleEditor articles, TimeProvider clock)
{
    public Task<Payload<Article>> LinkAsync(LinkRelatedStoryInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var to = ArticleIdRules.ArticleKey(input.ToId);
        return articles.WriteAsync(input.FromId, null, "linkRelatedStory", caller, async (db, article, changes) =>
        {
            var links = await db.RelatedLinks.AsTracking().Where(r => r.FromArticleId == article.Id).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(cancellationToken);
            var position = Math.Min(input.Position ?? links.Count, links.Count);
            for (var i = position; i < links.Count; i++)
            {
                links[i].Position = i + 1;
            }

            db.RelatedLinks.Add(new RelatedLink
            {
                FromArticleId = article.Id,
                ToArticleId = to,
                Kind = input.Kind ?? RelatedKind.Curated,
                Position = position,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            changes.Record("related", null, new { toId = input.ToId, position });
            return null;
        }, cancellationToken);
    }

    public Task<Payload<Article>> UnlinkAsync(UnlinkRelatedStoryInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var to = ArticleIdRules.ArticleKey(input.ToId);
        return articles.WriteAsync(input.FromId, null, "unlinkRelatedStory", caller, async (db, article, changes) =>
        {
            var links = await db.RelatedLinks.AsTracking().Where(r => r.FromArticleId == article.Id).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(cancellationToken);
            var link = links.FirstOrDefault(r => r.ToArticleId == to);
            if (link is null)
            {
                return UserError.NotFound(["input", "toId"], "toId", input.ToId);
            }

            db.RelatedLinks.Remove(link);
            links.Remove(link);
            for (var i = 0; i < links.Count; i++)
            {
                links[i].Position = i;
            }

            changes.Record("related", new { toId = input.ToId }, null);
            return null;
        }, cancellationToken);
    }

    public Task<Payload<Article>> ReorderAsync(ReorderRelatedStoriesInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = input.ToIds.Select(ArticleIdRules.ArticleKey).ToList();
        return articles.WriteAsync(input.FromId, null, "reorderRelatedStories", caller, async (db, article, changes) =>
        {
            var links = await db.RelatedLinks.AsTracking().Where(r => r.FromArticleId == article.Id).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(cancellationToken);
            if (!links.Select(l => l.ToArticleId).Order().SequenceEqual(order.Order()))
            {
                // A partial or stale list would silently drop or invent links.
                return new UserError(UserErrorCodes.InvalidValue, ["input", "toIds"],
                    NewsLanguageManager.Format(NewsLanguageManager.InvalidValue, ("PropertyName", "toIds")));
            }

            var before = links.Select(l => GlobalId.Encode(ArticleGraphType.TypeName, l.ToArticleId)).ToList();
            foreach (var link in links)
            {
                link.Position = order.IndexOf(link.ToArticleId);
            }

            changes.Record("related", before, input.ToIds);
            return null;
        }, cancellationToken);
    }
}
