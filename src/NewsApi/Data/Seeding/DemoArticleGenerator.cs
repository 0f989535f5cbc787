using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;

namespace NewsApi.Data.Seeding;

/// <summary>
/// Appends synthetic published Arabic articles, for load tests and for trying feeds, tag pages and search at
/// realistic volumes (up to millions of rows). The same seed gives the same articles.
/// </summary>
public static class DemoArticleGenerator
{
    public const int TagCount = 2_000;
    public const int SectionCount = 20;
    public const int AuthorCount = 200;

    /// <summary>Rows per context and transaction: large enough to amortise round trips, small enough to keep memory flat.</summary>
    public const int BatchSize = 2_000;

    public const string SlugPrefix = "demo-";
    private const string TagSlugPrefix = "tag-";
    private const string AuthorSlugPrefix = "author-";
    private const string CanonicalBase = "https://news.example/ar/";
    private static readonly TimeSpan Spread = TimeSpan.FromDays(730);

    public static async Task<int> GenerateAsync(
        IDbContextFactory<NewsDbContext> contexts,
        int count,
        int randomSeed,
        TimeProvider clock,
        CancellationToken cancellationToken,
        IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tagIds = await EnsureTagsAsync(contexts, now, cancellationToken);
        var sectionIds = await EnsureSectionsAsync(contexts, cancellationToken);
        var authorIds = await EnsureAuthorsAsync(contexts, cancellationToken);

        long nextNumber;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // Continue the numbering of earlier runs; numbers still taken (after deletions) are skipped below.
            nextNumber = await db.Articles.LongCountAsync(a => a.Slug.StartsWith(SlugPrefix), cancellationToken) + 1;
        }

        var random = new Random(randomSeed);
        var start = now - Spread;
        // Each article owns a slot of the two-year window, so publication times are distinct and evenly spread.
        var slot = Math.Max(20, Spread.Ticks / count);
        var text = new StringBuilder(1024);
        var inserted = 0;
        while (inserted < count)
        {
            var size = Math.Min(BatchSize, count - inserted);
            var numbers = new List<long>(size);
            for (var n = nextNumber; numbers.Count < size; n++)
            {
                numbers.Add(n);
            }

            nextNumber = numbers[^1] + 1;

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var candidates = numbers.Select(n => SlugPrefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var taken = (await db.Articles.Where(a => candidates.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);

            var articles = new List<Article>(size);
            var picks = new List<(int[] Tags, int[] Authors)>(size);
            foreach (var slug in candidates)
            {
                if (taken.Contains(slug))
                {
                    continue;
                }

                var index = inserted + articles.Count;
                var publishedTicks = start.Ticks + slot * index + random.NextInt64(slot / 2);
                // Whole microseconds: PostgreSQL keeps no finer, and rounding there could make two times equal.
                var publishedAt = new DateTime(publishedTicks - publishedTicks % 10, DateTimeKind.Utc);
                articles.Add(NewArticle(random, text, slug, publishedAt, sectionIds));
                picks.Add((PickDistinct(random, tagIds, random.Next(3, 6), skewed: true), PickDistinct(random, authorIds, random.Next(1, 3), skewed: false)));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Articles.AddRange(articles);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            // Join rows by id only: the articles now have theirs, and no entity graph needs tracking.
            for (var i = 0; i < articles.Count; i++)
            {
                var articleId = articles[i].Id;
                var (tags, authors) = picks[i];
                for (var p = 0; p < tags.Length; p++)
                {
                    db.ArticleTags.Add(new ArticleTag { ArticleId = articleId, TagId = tags[p], Position = p });
                }

                for (var p = 0; p < authors.Length; p++)
                {
                    db.ArticleAuthors.Add(new ArticleAuthor { ArticleId = articleId, AuthorId = authors[p], Position = p });
                }
            }

            await db.SaveChangesAsync(cancellationToken);

            // Synthetic texts recombine one small vocabulary: "similar text" among them means nothing, and computing
            // it would keep the background indexer busy through a benchmark.
            var ids = articles.Select(a => a.Id).ToList();
            await db.Set<ArticleSearchDocument>().Where(d => ids.Contains(d.ArticleId))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.SimilarStale, false), cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            inserted += articles.Count;
            progress?.Report(inserted);
        }

        return inserted;
    }

    private static Article NewArticle(Random random, StringBuilder text, string slug, DateTime publishedAt, IReadOnlyList<int> sectionIds)
    {
        var place = Pick(random, DemoVocabulary.Places);
        var headline = $"{Pick(random, DemoVocabulary.HeadlineCores)} في {place}{Pick(random, DemoVocabulary.HeadlineTails)}";
        var body = new List<ArticleBlock>(6);
        var paragraphs = random.Next(2, 7);
        for (var p = 0; p < paragraphs; p++)
        {
            text.Clear();
            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    text.Append(' ');
                }

                // Sentences after the first continue the thought with "و", as Arabic news copy does.
                AppendSentence(random, text, continues: p > 0 || s > 0);
            }

            body.Add(new ArticleBlock { Kind = BlockKind.Paragraph, Text = text.ToString() });
        }

        text.Clear();
        AppendSentence(random, text, continues: false);
        var standfirst = text.ToString();

        return new Article
        {
            Slug = slug,
            Headline = headline,
            Standfirst = standfirst,
            Body = body,
            Lang = "ar",
            Status = ArticleStatus.Published,
            PublishedAt = publishedAt,
            CreatedAt = publishedAt - TimeSpan.FromMinutes(random.Next(10, 240)),
            UpdatedAt = publishedAt,
            SectionId = sectionIds[random.Next(sectionIds.Count)],
            SourceName = random.Next(4) == 0 ? "وكالات" : null,
            CanonicalUrl = CanonicalBase + slug,
            WordCount = ArticleMetrics.CountWords(body),
        };
    }

    private static void AppendSentence(Random random, StringBuilder text, bool continues)
    {
        if (continues)
        {
            text.Append('و');
        }

        text.Append(Pick(random, DemoVocabulary.Openers)).Append(' ')
            .Append(Pick(random, DemoVocabulary.Clauses)).Append(' ')
            .Append(Pick(random, DemoVocabulary.SentenceTails)).Append('.');
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    /// <summary>Distinct ids; skewed picks favour the first ids so that, as in a real newsroom, a few tags are very common.</summary>
    private static int[] PickDistinct(Random random, IReadOnlyList<int> ids, int howMany, bool skewed)
    {
        var picked = new int[Math.Min(howMany, ids.Count)];
        var filled = 0;
        while (filled < picked.Length)
        {
            var r = random.NextDouble();
            var id = ids[(int)((skewed ? r * r : r) * ids.Count)];
            if (Array.IndexOf(picked, id, 0, filled) < 0)
            {
                picked[filled++] = id;
            }
        }

        return picked;
    }

    private static async Task<IReadOnlyList<int>> EnsureTagsAsync(IDbContextFactory<NewsDbContext> contexts, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = (await db.Tags.Where(t => t.Slug.StartsWith(TagSlugPrefix)).Select(t => t.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var heads = DemoVocabulary.TagHeads;
        var subjects = DemoVocabulary.TagSubjects;
        for (var i = 0; i < TagCount; i++)
        {
            var slug = FormattableString.Invariant($"{TagSlugPrefix}{i + 1:D4}");
            if (existing.Contains(slug))
            {
                continue;
            }

            // Subject varies fastest, so neighbouring tags read differently; head × subject covers all 2,000 names once.
            var name = $"{heads[i / subjects.Length % heads.Length]} {subjects[i % subjects.Length]}";
            db.Tags.Add(new Tag
            {
                Slug = slug,
                Name = name,
                Kind = i % 10 == 0 ? TagKind.Organisation : TagKind.Topic,
                Description = $"أخبار وتقارير عن {name}",
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Tags.Where(t => t.Slug.StartsWith(TagSlugPrefix)).OrderBy(t => t.Slug).Select(t => t.Id).ToListAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<int>> EnsureSectionsAsync(IDbContextFactory<NewsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slugs = DemoVocabulary.Sections.Take(SectionCount).Select(s => s.NameEn.ToLowerInvariant()).ToList();
        var existing = (await db.Sections.Where(s => slugs.Contains(s.Slug)).Select(s => s.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < slugs.Count; i++)
        {
            if (!existing.Contains(slugs[i]))
            {
                var (name, nameEn) = DemoVocabulary.Sections[i];
                db.Sections.Add(new Section { Slug = slugs[i], Name = name, NameEn = nameEn, Description = $"أخبار قسم {name}", Position = 10 + i });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Sections.Where(s => slugs.Contains(s.Slug)).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<int>> EnsureAuthorsAsync(IDbContextFactory<NewsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = (await db.Authors.Where(a => a.Slug.StartsWith(AuthorSlugPrefix)).Select(a => a.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var first = DemoVocabulary.FirstNames;
        var family = DemoVocabulary.FamilyNames;
        for (var i = 0; i < AuthorCount; i++)
        {
            var slug = FormattableString.Invariant($"{AuthorSlugPrefix}{i + 1:D3}");
            if (!existing.Contains(slug))
            {
                db.Authors.Add(new Author
                {
                    Slug = slug,
                    Name = $"{first[i % first.Length]} {family[i / first.Length % family.Length]}",
                    Description = "مراسل",
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Authors.Where(a => a.Slug.StartsWith(AuthorSlugPrefix)).OrderBy(a => a.Slug).Select(a => a.Id).ToListAsync(cancellationToken);
    }
}
