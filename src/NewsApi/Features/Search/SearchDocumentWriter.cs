using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Search;

/// <summary>
/// Keeps every article's search document current on every save, whoever saves: an added or edited article, a tag
/// added to or taken from it, a tag renamed. Editorial code needs to know nothing about search; the document is
/// written in the same SaveChanges (one transaction) as the change that made it stale.
/// </summary>
public sealed class SearchDocumentWriter : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is NewsDbContext db)
        {
            RefreshAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NewsDbContext db)
        {
            await RefreshAsync(db, cancellationToken);
        }

        return result;
    }

    /// <summary>Builds the search document of an article from its parts.</summary>
    public static ArticleSearchDocument Compose(int articleId, string headline, string? standfirst, IEnumerable<ArticleBlock> body, IEnumerable<string?> tagNames) => new()
    {
        ArticleId = articleId,
        Headline = ArabicNormalizer.ToSearchText(headline),
        Standfirst = ArabicNormalizer.ToSearchText(standfirst),
        Tags = ArabicNormalizer.ToSearchText(string.Join(' ', tagNames.Where(n => n is not null))),
        Body = ArabicNormalizer.ToSearchText(string.Join(' ', body.SelectMany(SearchableText))),
    };

    /// <summary>What tag autocomplete matches: " word stem" for every word of the names and the slug (see <see cref="Tag.SearchName"/>).</summary>
    public static string TagSearchName(Tag tag)
    {
        var words = ArabicNormalizer.Words($"{tag.Name} {tag.NameEn} {tag.Slug}")
            .SelectMany(w => new[] { w, ArabicStemmer.Stem(w) })
            .Distinct(StringComparer.Ordinal);
        return string.Concat(words.Select(w => " " + w));
    }

    /// <summary>The words of a block a reader would search for: text, attribution and caption, never URLs.</summary>
    public static IEnumerable<string> SearchableText(ArticleBlock block)
    {
        foreach (var text in new[] { block.Text, block.Attribution, block.Caption })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return text;
            }
        }
    }

    private static async Task RefreshAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries().ToList();

        var articles = new Dictionary<int, EntityEntry<Article>>();
        var stale = new HashSet<int>();
        var deleted = new HashSet<int>();
        var renamedTags = new List<int>();
        foreach (var entry in entries)
        {
            switch (entry)
            {
                case { Entity: Article, State: EntityState.Deleted }:
                    deleted.Add(Key(entry, nameof(Article.Id)));
                    break;
                case { Entity: Article article, State: EntityState.Added or EntityState.Modified }:
                    var id = Key(entry, nameof(Article.Id));
                    articles[id] = entry.Context.Entry(article);
                    stale.Add(id);
                    break;
                case { Entity: ArticleTag, State: EntityState.Added or EntityState.Deleted or EntityState.Modified }:
                    stale.Add(Key(entry, nameof(ArticleTag.ArticleId)));
                    break;
                case { Entity: Tag tag, State: EntityState.Added }:
                    entry.Property(nameof(Tag.SearchName)).CurrentValue = TagSearchName(tag);
                    break;
                case { Entity: Tag tag, State: EntityState.Modified }
                    when entry.Property(nameof(Tag.Name)).IsModified || entry.Property(nameof(Tag.NameEn)).IsModified || entry.Property(nameof(Tag.Slug)).IsModified:
                    entry.Property(nameof(Tag.SearchName)).CurrentValue = TagSearchName(tag);
                    renamedTags.Add(Key(entry, nameof(Tag.Id)));
                    break;
            }
        }

        if (renamedTags.Count > 0)
        {
            stale.UnionWith(await db.ArticleTags.AsNoTracking().Where(at => renamedTags.Contains(at.TagId)).Select(at => at.ArticleId).ToListAsync(cancellationToken));
        }

        stale.ExceptWith(deleted);
        if (stale.Count == 0)
        {
            return;
        }

        var persisted = stale.Where(id => !articles.TryGetValue(id, out var entry) || entry.State != EntityState.Added).ToList();
        var texts = await LoadTextsAsync(db, articles, persisted, stale, cancellationToken);
        var tagNames = await TagNamesAsync(db, entries, persisted, cancellationToken);
        var existing = persisted.Count == 0
            ? []
            : (await db.Set<ArticleSearchDocument>().AsNoTracking().Where(d => persisted.Contains(d.ArticleId)).Select(d => d.ArticleId).ToListAsync(cancellationToken)).ToHashSet();
        var tracked = db.ChangeTracker.Entries<ArticleSearchDocument>().ToDictionary(e => e.Entity.ArticleId);

        foreach (var id in stale)
        {
            if (!texts.TryGetValue(id, out var text))
            {
                continue;
            }

            var document = Compose(id, text.Headline, text.Standfirst, text.Body, tagNames.TryGetValue(id, out var names) ? names : []);
            if (tracked.TryGetValue(id, out var trackedEntry))
            {
                trackedEntry.CurrentValues.SetValues(document);
            }
            else if (articles.TryGetValue(id, out var articleEntry) && articleEntry.State == EntityState.Added)
            {
                document.ArticleId = 0;
                document.Article = articleEntry.Entity;
                db.Add(document);
            }
            else if (existing.Contains(id))
            {
                db.Update(document);
            }
            else
            {
                db.Add(document);
            }
        }
    }

    private static async Task<Dictionary<int, (string Headline, string? Standfirst, List<ArticleBlock> Body)>> LoadTextsAsync(
        NewsDbContext db, Dictionary<int, EntityEntry<Article>> articles, List<int> persisted, HashSet<int> stale, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<int, (string Headline, string? Standfirst, List<ArticleBlock> Body)>();
        foreach (var id in stale)
        {
            if (articles.TryGetValue(id, out var entry))
            {
                texts[id] = (entry.Entity.Headline, entry.Entity.Standfirst, entry.Entity.Body);
            }
        }

        var missing = persisted.Where(id => !texts.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var rows = await db.Articles.AsNoTracking().Where(a => missing.Contains(a.Id))
                .Select(a => new { a.Id, a.Headline, a.Standfirst, a.Body }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                texts[row.Id] = (row.Headline, row.Standfirst, row.Body);
            }
        }

        return texts;
    }

    /// <summary>
    /// A key as the change tracker holds it: EF Core keeps the temporary keys of rows not yet inserted in the entry,
    /// not in the entity, and join rows of a new article carry the same temporary value.
    /// </summary>
    private static int Key(EntityEntry entry, string property) => (int)entry.Property(property).CurrentValue!;

    /// <summary>Each stale article's tag names as they will be after this save: stored joins, minus removed, plus added.</summary>
    private static async Task<Dictionary<int, List<string?>>> TagNamesAsync(NewsDbContext db, List<EntityEntry> entries, List<int> persisted, CancellationToken cancellationToken)
    {
        var joins = new Dictionary<(int ArticleId, int TagId), int>();
        if (persisted.Count > 0)
        {
            foreach (var row in await db.ArticleTags.AsNoTracking().Where(at => persisted.Contains(at.ArticleId))
                         .Select(at => new { at.ArticleId, at.TagId, at.Position }).ToListAsync(cancellationToken))
            {
                joins[(row.ArticleId, row.TagId)] = row.Position;
            }
        }

        foreach (var entry in entries)
        {
            if (entry.Entity is ArticleTag join)
            {
                var key = (Key(entry, nameof(ArticleTag.ArticleId)), Key(entry, nameof(ArticleTag.TagId)));
                if (entry.State == EntityState.Deleted)
                {
                    joins.Remove(key);
                }
                else if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged)
                {
                    joins[key] = join.Position;
                }
            }
        }

        // Tracked tags win over stored ones: a rename in this save, or a tag not yet inserted.
        var tags = entries.Where(e => e is { Entity: Tag, State: not EntityState.Deleted })
            .GroupBy(e => Key(e, nameof(Tag.Id))).ToDictionary(g => g.Key, g => (((Tag)g.First().Entity).Name, ((Tag)g.First().Entity).NameEn));
        var unknown = joins.Keys.Select(k => k.TagId).Where(id => !tags.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            foreach (var tag in await db.Tags.AsNoTracking().Where(t => unknown.Contains(t.Id)).Select(t => new { t.Id, t.Name, t.NameEn }).ToListAsync(cancellationToken))
            {
                tags[tag.Id] = (tag.Name, tag.NameEn);
            }
        }

        return joins
            .Where(j => tags.ContainsKey(j.Key.TagId))
            .OrderBy(j => j.Value).ThenBy(j => j.Key.TagId)
            .GroupBy(j => j.Key.ArticleId)
            .ToDictionary(g => g.Key, g => g.SelectMany(j => new[] { tags[j.Key.TagId].Name, tags[j.Key.TagId].NameEn }).ToList());
    }
}
