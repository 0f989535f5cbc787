using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data;
using NewsApi.Features.Articles;
using NewsApi.Features.Authors;
using NewsApi.Features.Tags;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Feeds;

/// <summary>
/// The latest published articles for a feed, through the same feed query and loaders as GraphQL, so a feed can
/// never show what the API would hide.
/// </summary>
public sealed class FeedSource(
    ArticleFeed feed,
    TagsByArticleIdDataLoader tags,
    AuthorsByArticleIdDataLoader authors,
    IDbContextFactory<NewsDbContext> contexts,
    PublicClock clock,
    IOptions<FeedOptions> options)
{
    /// <summary>The feed of a tag or section (by slug), or of everything; null when the tag or section does not exist.</summary>
    public async Task<FeedContent?> LoadAsync(string? tagSlug, string? sectionSlug, Uri self, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var title = settings.Title;
        if (tagSlug is not null || sectionSlug is not null)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var name = tagSlug is not null
                ? await db.Tags.Where(t => t.Slug == tagSlug).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken)
                : await db.Sections.Where(s => s.Slug == sectionSlug).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
            if (name is null)
            {
                return null;
            }

            title = $"{settings.Title}: {name}";
        }

        var page = await feed.PageAsync(
            new ArticleFilter { Tags = tagSlug is null ? null : [tagSlug], Section = sectionSlug },
            ArticleOrder.Newest,
            new PageRequest(settings.Size, Backward: false, Cursor: null),
            Caller.Anonymous,
            withLinks: true,
            cancellationToken);

        var articles = page.Edges.Select(e => e.Node).ToList();
        var tagLoads = articles.Select(a => tags.LoadAsync(a.Id)).ToList();
        var authorLoads = articles.Select(a => authors.LoadAsync(a.Id)).ToList();
        var items = new List<FeedItem>(articles.Count);
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            var link = article.CanonicalUrl is { } canonical && Uri.TryCreate(canonical, UriKind.Absolute, out var url)
                ? url
                : new Uri(settings.SiteUrl, $"ar/{Uri.EscapeDataString(article.Slug)}");
            items.Add(new FeedItem(
                // Atom ids must be absolute IRIs; the global ID inside lets clients cross over to node(id:).
                "urn:newsapi:" + GlobalId.Encode(ArticleGraphType.TypeName, article.Id),
                link,
                article.Headline,
                article.Standfirst,
                article.PublishedAt ?? article.CreatedAt,
                article.UpdatedAt,
                article.Lang,
                [.. (await tagLoads[i].GetResultAsync(cancellationToken)).Select(t => t.Name)],
                [.. (await authorLoads[i].GetResultAsync(cancellationToken)).Select(a => a.Name)]));
        }

        var updated = items.Count > 0 ? items.Max(i => i.Updated) : clock.Now;
        return new FeedContent(title, settings.Description, settings.SiteUrl, self, updated, items);
    }
}
