using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Security;
using NewsApi.Validation;

namespace NewsApi.Features.Articles;

/// <summary>
/// Writes articles for the mutations. Inputs arrive validated; what only the write can know (the article exists,
/// its version is still the one the editor saw, its status allows the step) becomes a user error here. Each write is
/// one SaveChanges: the article, its tags and authors and a revision row commit together or not at all, and the
/// Version concurrency token makes a stale write affect no row instead of overwriting a colleague's.
/// </summary>
public sealed class ArticleEditor(IDbContextFactory<NewsDbContext> contexts, TimeProvider clock)
{
    private const int SlugAttempts = 3;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Payload<Article>> CreateAsync(CreateArticleInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var article = await AddAsync(db, input, caller, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Payload<Article>.Ok(article);
            }
            catch (DbUpdateException) when (input.Slug is null && attempt < SlugAttempts)
            {
                // Another article took the slug made from the same headline between our look-up and our insert.
            }
        }
    }

    /// <summary>
    /// Adds a new draft and its first revision to <paramref name="db"/> without saving: the caller's save (and
    /// transaction) decides when it is written, so an import can write it together with its ticker items.
    /// </summary>
    internal async Task<Article> AddAsync(NewsDbContext db, CreateArticleInput input, Caller caller, CancellationToken cancellationToken)
    {
        var now = Now;
        var article = new Article
        {
            Slug = input.Slug ?? await UniqueSlug.AllocateAsync(db.Articles.Select(a => a.Slug).Concat(db.ArticleSlugRedirects.Select(r => r.Slug)), ArticleSlug.FromText(input.Headline), "article", cancellationToken),
            Headline = input.Headline,
            Status = ArticleStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var changes = new ChangeSet();
        changes.Record("slug", null, article.Slug);
        changes.Record("headline", null, article.Headline);
        await ApplyAsync(db, article, input, changes, cancellationToken);
        db.Articles.Add(article);
        AddRevision(db, article, "createArticle", caller, changes, now);
        return article;
    }

    public async Task<Payload<Article>> UpdateAsync(UpdateArticleInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await WriteAsync(input.Id, input.ExpectedVersion, "updateArticle", caller, async (db, article, changes) =>
        {
            if (input.Slug is { } slug && !string.Equals(slug, article.Slug, StringComparison.Ordinal))
            {
                await ArticleSlugRedirects.RenameAsync(db, article, slug, Now, cancellationToken);
            }

            await ApplyAsync(db, article, input, changes, cancellationToken);
            return null;
        }, cancellationToken);
    }

    public async Task<Payload<Article>> SetTagsAsync(SetArticleTagsInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await WriteAsync(input.Id, input.ExpectedVersion, "setArticleTags", caller, async (db, article, changes) =>
        {
            await ReplaceTagsAsync(db, article, input.TagSlugs, changes, cancellationToken);
            return null;
        }, cancellationToken);
    }

    public async Task<Payload<Article>> PublishAsync(PublishArticleInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await WriteAsync(input.Id, input.ExpectedVersion, "publishArticle", caller, (_, article, changes) =>
        {
            if (article.Status == ArticleStatus.Published)
            {
                return Task.FromResult(InvalidState(article));
            }

            var at = input.At?.ToUniversalTime();
            var now = Now;
            changes.Set("status", article.Status, at > now ? ArticleStatus.Scheduled : ArticleStatus.Published, v => article.Status = v);
            changes.Set("publishedAt", article.PublishedAt, at > now ? at : now, v => article.PublishedAt = v);
            return Task.FromResult<UserError?>(null);
        }, cancellationToken);
    }

    public async Task<Payload<Article>> UnpublishAsync(ArticleTransitionInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await WriteAsync(input.Id, input.ExpectedVersion, "unpublishArticle", caller, (_, article, changes) =>
        {
            if (article.Status is not (ArticleStatus.Published or ArticleStatus.Scheduled))
            {
                return Task.FromResult(InvalidState(article));
            }

            changes.Set("status", article.Status, ArticleStatus.Draft, v => article.Status = v);
            changes.Set("publishedAt", article.PublishedAt, null, v => article.PublishedAt = v);
            return Task.FromResult<UserError?>(null);
        }, cancellationToken);
    }

    public async Task<Payload<Article>> ArchiveAsync(ArticleTransitionInput input, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await WriteAsync(input.Id, input.ExpectedVersion, "archiveArticle", caller, (_, article, changes) =>
        {
            if (article.Status == ArticleStatus.Archived)
            {
                return Task.FromResult(InvalidState(article));
            }

            changes.Set("status", article.Status, ArticleStatus.Archived, v => article.Status = v);
            return Task.FromResult<UserError?>(null);
        }, cancellationToken);
    }

    public async Task<Payload<string>> DeleteAsync(ArticleTransitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = ArticleIdRules.ArticleKey(input.Id);
        // Deleted through the change tracker (Version is its concurrency token) so the event log records the
        // withdrawal: offline apps get a tombstone, subscribers a change.
        var article = await db.Articles.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return Payload<string>.Failed(NotFound(input.Id));
        }

        var expected = input.ExpectedVersion ?? article.Version;
        if (article.Version != expected)
        {
            return Payload<string>.Failed(Conflict(expected, article.Version));
        }

        db.Articles.Remove(article);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var now = await CurrentVersionAsync(id, cancellationToken);
            return Payload<string>.Failed(now == 0 ? NotFound(input.Id) : Conflict(expected, now));
        }

        return Payload<string>.Ok(input.Id);
    }

    /// <summary>
    /// Loads the article for writing, checks its version, lets <paramref name="change"/> edit it (or refuse with a
    /// user error), then claims the version with one conditional UPDATE before saving the rest, all in one
    /// transaction. The claim is what makes two editors saving at once safe on both stores: the loser's UPDATE finds
    /// the version moved (PostgreSQL re-checks it after the winner's row lock; SQLite admits one writer at a time)
    /// and gets CONFLICT before it has written tags, authors or anything else.
    /// </summary>
    internal async Task<Payload<Article>> WriteAsync(
        string globalId,
        int? expectedVersion,
        string operation,
        Caller caller,
        Func<NewsDbContext, Article, ChangeSet, Task<UserError?>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = ArticleIdRules.ArticleKey(globalId);
        var article = await db.Articles.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return Payload<Article>.Failed(NotFound(globalId));
        }

        var expected = expectedVersion ?? article.Version;
        if (expected != article.Version)
        {
            return Payload<Article>.Failed(Conflict(expected, article.Version));
        }

        var changes = new ChangeSet();
        if (await change(db, article, changes) is { } refusal)
        {
            return Payload<Article>.Failed(refusal);
        }

        var now = Now;
        var claimed = await db.Articles
            .Where(a => a.Id == id && a.Version == expected)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Version, expected + 1).SetProperty(a => a.UpdatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return Payload<Article>.Failed(Conflict(expected, await CurrentVersionAsync(id, cancellationToken)));
        }

        // The row already holds the new version; tell the tracker so its own concurrency check expects it.
        var entry = db.Entry(article);
        entry.Property(a => a.Version).CurrentValue = expected + 1;
        entry.Property(a => a.Version).OriginalValue = expected + 1;
        entry.Property(a => a.UpdatedAt).CurrentValue = now;
        entry.Property(a => a.UpdatedAt).OriginalValue = now;
        AddRevision(db, article, operation, caller, changes, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Payload<Article>.Ok(article);
    }

    private static async Task ApplyAsync(NewsDbContext db, Article article, IArticleContent input, ChangeSet changes, CancellationToken cancellationToken)
    {
        if (input.Headline is { } headline)
        {
            changes.Set("headline", article.Headline, headline, v => article.Headline = v);
        }

        if (input.Slug is { } slug)
        {
            changes.Set("slug", article.Slug, slug, v => article.Slug = v);
        }

        if (input.Standfirst is { } standfirst)
        {
            changes.Set("standfirst", article.Standfirst, standfirst, v => article.Standfirst = v);
        }

        if (input.Lang is { } lang)
        {
            changes.Set("lang", article.Lang, lang, v => article.Lang = v);
        }

        if (input.CanonicalUrl is { } canonicalUrl)
        {
            changes.Set("canonicalUrl", article.CanonicalUrl, canonicalUrl, v => article.CanonicalUrl = v);
        }

        if (input.SourceName is { } sourceName)
        {
            changes.Set("sourceName", article.SourceName, sourceName, v => article.SourceName = v);
        }

        if (input.SourceUrl is { } sourceUrl)
        {
            changes.Set("sourceUrl", article.SourceUrl, sourceUrl, v => article.SourceUrl = v);
        }

        if (input.ShowInRelated is { } showInRelated)
        {
            changes.Set("showInRelated", article.ShowInRelated, showInRelated, v => article.ShowInRelated = v);
        }

        if (input.HeroImage is { } image)
        {
            changes.Set("heroImage.url", article.HeroImageUrl, image.Url, v => article.HeroImageUrl = v);
            changes.Set("heroImage.caption", article.HeroImageCaption, image.Caption, v => article.HeroImageCaption = v);
            changes.Set("heroImage.credit", article.HeroImageCredit, image.Credit, v => article.HeroImageCredit = v);
            changes.Set("heroImage.alt", article.HeroImageAlt, image.Alt, v => article.HeroImageAlt = v);
        }

        if (input.Body is { } body)
        {
            var blocks = body.Select(b => b.ToBlock()).ToList();
            var words = ArticleMetrics.CountWords(blocks);
            changes.Record("body", new { blocks = article.Body.Count, wordCount = article.WordCount }, new { blocks = blocks.Count, wordCount = words });
            article.Body = blocks;
            article.WordCount = words;
        }

        if (input.SectionSlug is { } sectionSlug)
        {
            var section = await db.Sections.Where(s => s.Slug == sectionSlug).Select(s => s.Id).FirstAsync(cancellationToken);
            var oldSlug = article.SectionId is { } oldId
                ? await db.Sections.Where(s => s.Id == oldId).Select(s => s.Slug).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (section != article.SectionId)
            {
                article.SectionId = section;
                changes.Record("sectionSlug", oldSlug, sectionSlug);
            }
        }

        if (input.TagSlugs is { } tagSlugs)
        {
            await ReplaceTagsAsync(db, article, tagSlugs, changes, cancellationToken);
        }

        if (input.AuthorSlugs is { } authorSlugs)
        {
            await ReplaceAuthorsAsync(db, article, authorSlugs, changes, cancellationToken);
        }
    }

    /// <summary>Keeps rows that stay (re-numbered), removes the rest and adds the new: never a delete and insert of one key.</summary>
    private static async Task ReplaceTagsAsync(NewsDbContext db, Article article, IReadOnlyList<string> slugs, ChangeSet changes, CancellationToken cancellationToken)
    {
        var existing = article.Id == 0
            ? []
            : await db.ArticleTags.AsTracking().Include(t => t.Tag).Where(t => t.ArticleId == article.Id).OrderBy(t => t.Position).ToListAsync(cancellationToken);
        var ids = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => t.Id, StringComparer.Ordinal, cancellationToken);
        var before = existing.Select(t => t.Tag!.Slug).ToList();
        if (before.SequenceEqual(slugs, StringComparer.Ordinal))
        {
            return;
        }

        foreach (var row in existing.Where(row => !slugs.Contains(row.Tag!.Slug, StringComparer.Ordinal)))
        {
            db.ArticleTags.Remove(row);
        }

        for (var position = 0; position < slugs.Count; position++)
        {
            var row = existing.FirstOrDefault(r => r.Tag!.Slug == slugs[position]);
            if (row is null)
            {
                article.Tags.Add(new ArticleTag { TagId = ids[slugs[position]], Position = position });
            }
            else
            {
                row.Position = position;
            }
        }

        changes.Record("tagSlugs", before, slugs);
    }

    private static async Task ReplaceAuthorsAsync(NewsDbContext db, Article article, IReadOnlyList<string> slugs, ChangeSet changes, CancellationToken cancellationToken)
    {
        var existing = article.Id == 0
            ? []
            : await db.ArticleAuthors.AsTracking().Include(a => a.Author).Where(a => a.ArticleId == article.Id).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        var ids = await db.Authors.Where(a => slugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, a => a.Id, StringComparer.Ordinal, cancellationToken);
        var before = existing.Select(a => a.Author!.Slug).ToList();
        if (before.SequenceEqual(slugs, StringComparer.Ordinal))
        {
            return;
        }

        foreach (var row in existing.Where(row => !slugs.Contains(row.Author!.Slug, StringComparer.Ordinal)))
        {
            db.ArticleAuthors.Remove(row);
        }

        for (var position = 0; position < slugs.Count; position++)
        {
            var row = existing.FirstOrDefault(r => r.Author!.Slug == slugs[position]);
            if (row is null)
            {
                article.Authors.Add(new ArticleAuthor { AuthorId = ids[slugs[position]], Position = position });
            }
            else
            {
                row.Position = position;
            }
        }

        changes.Record("authorSlugs", before, slugs);
    }

    private static void AddRevision(NewsDbContext db, Article article, string operation, Caller caller, ChangeSet changes, DateTime at) =>
        db.ArticleRevisions.Add(new ArticleRevision
        {
            Article = article,
            Version = article.Version,
            Operation = operation,
            ActorName = caller.KeyName,
            ActorRole = caller.Role is { } role ? RoleNames.Of(role) : null,
            At = at,
            Changes = changes.ToJson(),
        });

    private async Task<int> CurrentVersionAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles.Where(a => a.Id == id).Select(a => (int?)a.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
    }

    internal static UserError NotFound(string globalId) =>
        UserError.NotFound(["input", "id"], "article", globalId);

    internal static UserError Conflict(int expected, int current) =>
        new(UserErrorCodes.Conflict, ["input", "expectedVersion"], NewsLanguageManager.Format(NewsLanguageManager.Conflict, ("Expected", expected), ("Current", current)));

    private static UserError? InvalidState(Article article) =>
        new(UserErrorCodes.InvalidState, null, NewsLanguageManager.Format(NewsLanguageManager.InvalidState, ("Status", article.Status.ToString().ToUpperInvariant())));
}
