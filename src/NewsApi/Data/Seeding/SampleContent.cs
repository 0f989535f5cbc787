using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Import;

namespace NewsApi.Data.Seeding;

/// <summary>
/// Fills an empty store with the sample page's content (parsed from the embedded page) and a set of hand-written
/// stories around it, including the unpublished and expired items that the public must never see.
/// </summary>
public static class SampleContent
{
    private const string CanonicalBase = "https://news.example/ar/";

    public static async Task SeedAsync(NewsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);

        var now = clock.GetUtcNow().UtcDateTime;
        var page = NewsPage.LoadSample();
        if (page.Ticker.Count != SampleArticles.TickerFollowUps.Count)
        {
            throw new InvalidOperationException(
                $"The sample page has {page.Ticker.Count} ticker items but {SampleArticles.TickerFollowUps.Count} follow-up paragraphs are written for it.");
        }

        var sections = CreateSections().ToDictionary(s => s.Slug, StringComparer.Ordinal);
        var authors = CreateAuthors().ToDictionary(a => a.Slug, StringComparer.Ordinal);
        var tags = CreateTags(now).ToDictionary(t => t.Slug, StringComparer.Ordinal);
        db.Sections.AddRange(sections.Values);
        db.Authors.AddRange(authors.Values);
        db.Tags.AddRange(tags.Values);

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        Article NewArticle(SampleArticleSpec spec)
        {
            var slug = spec.Slug ?? ArticleSlug.FromText(spec.Headline);
            if (!slugs.Add(slug))
            {
                throw new InvalidOperationException($"Two sample articles share the slug '{slug}'.");
            }

            DateTime? publishedAt = spec.Status == ArticleStatus.Draft ? null : now - spec.Age;
            var created = (publishedAt is { } at && at < now ? at : now) - TimeSpan.FromMinutes(30);
            var article = new Article
            {
                Slug = slug,
                Headline = spec.Headline,
                Standfirst = spec.Standfirst,
                Body = [.. spec.Body],
                Lang = "ar",
                Status = spec.Status,
                PublishedAt = publishedAt,
                CreatedAt = created,
                UpdatedAt = publishedAt is { } p && p < now ? p : created,
                Section = sections[spec.Section],
                SourceName = spec.SourceName,
                HeroImageUrl = spec.HeroImageUrl,
                HeroImageCaption = spec.HeroImageCaption,
                HeroImageCredit = spec.HeroImageCredit,
                HeroImageAlt = spec.HeroImageAlt,
                // Only what readers can reach has a public address.
                CanonicalUrl = spec.Status == ArticleStatus.Published ? CanonicalBase + slug : null,
                WordCount = ArticleMetrics.CountWords(spec.Body),
            };
            for (var i = 0; i < spec.Authors.Count; i++)
            {
                article.Authors.Add(new ArticleAuthor { Author = authors[spec.Authors[i]], Position = i });
            }

            for (var i = 0; i < spec.Tags.Count; i++)
            {
                article.Tags.Add(new ArticleTag { Tag = tags[spec.Tags[i]], Position = i });
            }

            db.Articles.Add(article);
            return article;
        }

        // The ticker: newest first on the page, so item 1 gets the latest start time.
        for (var i = 0; i < page.Ticker.Count; i++)
        {
            var (headline, excerpt) = page.Ticker[i];
            var facts = SampleArticles.TickerStoryFacts[i];
            var age = TimeSpan.FromMinutes(i + 1);
            var opening = NewsPage.WithoutEllipsis(excerpt);
            var story = NewArticle(new SampleArticleSpec
            {
                Headline = headline,
                Standfirst = opening,
                Section = facts.Section,
                Authors = [i % 2 == 0 ? "politics-desk" : "layla-haddad"],
                Tags = facts.Tags,
                Age = age,
                SourceName = facts.Source,
                Body =
                [
                    new ArticleBlock { Kind = BlockKind.Paragraph, Text = opening },
                    new ArticleBlock { Kind = BlockKind.Paragraph, Text = SampleArticles.TickerFollowUps[i] },
                ],
            });
            db.TickerItems.Add(new TickerItem
            {
                Headline = headline,
                Excerpt = excerpt,
                Article = story,
                Priority = TickerPriority.Normal,
                StartsAt = now - age,
                ExpiresAt = null,
                Position = i,
                CreatedAt = now - age,
                UpdatedAt = now - age,
            });
        }

        // Off-air items: one whose window has closed and one not yet open. Neither may reach the public ticker.
        db.TickerItems.Add(new TickerItem
        {
            Headline = "منتهي: خبر عاجل انتهت مدة عرضه",
            Excerpt = "انتهت مدة عرض هذا الخبر ولا يجوز أن يظهر في الشريط...",
            StartsAt = now - TimeSpan.FromHours(3),
            ExpiresAt = now - TimeSpan.FromHours(2),
            Position = page.Ticker.Count,
            CreatedAt = now - TimeSpan.FromHours(3),
            UpdatedAt = now - TimeSpan.FromHours(3),
        });
        db.TickerItems.Add(new TickerItem
        {
            Headline = "قادم: خبر عاجل لم يبدأ عرضه بعد",
            Excerpt = "يبدأ عرض هذا الخبر بعد ساعة...",
            StartsAt = now + TimeSpan.FromHours(1),
            ExpiresAt = null,
            Position = page.Ticker.Count + 1,
            CreatedAt = now,
            UpdatedAt = now,
        });

        var alliance = NewArticle(AllianceStory(page));

        var stories = SampleArticles.Stories.Select(NewArticle).ToList();

        // Curated links for the page's "related" article: the meeting it announces, and the background to it.
        alliance.RelatedLinks.Add(new RelatedLink { ToArticle = stories[1], Kind = RelatedKind.Curated, Position = 0, CreatedAt = now });
        alliance.RelatedLinks.Add(new RelatedLink { ToArticle = stories[0], Kind = RelatedKind.Background, Position = 1, CreatedAt = now });
        stories[1].RelatedLinks.Add(new RelatedLink { ToArticle = alliance, Kind = RelatedKind.Background, Position = 0, CreatedAt = now });

        // One SaveChanges is one transaction: the seed lands whole or not at all.
        await db.SaveChangesAsync(cancellationToken);
    }

    private static SampleArticleSpec AllianceStory(NewsPage page) => new()
    {
        Headline = page.ArticleHeadline,
        Standfirst = page.Standfirst,
        Section = "politics",
        Authors = ["politics-desk", "ali-almousawi"],
        Tags = ["iraq", "syria", "turkey", "jordan", "isis"],
        Age = TimeSpan.FromMinutes(15),
        SourceName = page.SourceName,
        HeroImageUrl = "https://media.news.example/images/quartet-alliance-flags.jpg",
        HeroImageCaption = "أعلام العراق وسوريا وتركيا والأردن",
        HeroImageCredit = "أرشيف الوكالة",
        HeroImageAlt = "أربعة أعلام وطنية متجاورة",
        Body = page.ArticleBlocks,
    };

    private static IEnumerable<Section> CreateSections() =>
    [
        new() { Slug = "politics", Name = "سياسة", NameEn = "Politics", Description = "الشؤون السياسية العراقية والإقليمية", Position = 0 },
        new() { Slug = "world", Name = "عربي ودولي", NameEn = "Arab and World", Description = "أخبار العالم العربي والعالم", Position = 1 },
        new() { Slug = "security", Name = "أمن", NameEn = "Security", Description = "الأمن والدفاع ومكافحة الإرهاب", Position = 2 },
    ];

    private static IEnumerable<Author> CreateAuthors() =>
    [
        new() { Slug = "politics-desk", Name = "محرر الشؤون السياسية", NameEn = "Politics desk", Description = "قسم الشؤون السياسية في غرفة الأخبار" },
        new() { Slug = "ali-almousawi", Name = "علي الموسوي", NameEn = "Ali Al-Mousawi", Description = "مراسل الشؤون الأمنية في بغداد" },
        new() { Slug = "layla-haddad", Name = "ليلى حداد", NameEn = "Layla Haddad", Description = "محررة الشؤون الدولية" },
    ];

    private static IEnumerable<Tag> CreateTags(DateTime now) =>
    [
        NewTag(now, "iraq", "العراق", "Iraq", TagKind.Place, "جمهورية العراق وشؤونها السياسية والأمنية"),
        NewTag(now, "syria", "سوريا", "Syria", TagKind.Place, "الجمهورية العربية السورية"),
        NewTag(now, "turkey", "تركيا", "Turkey", TagKind.Place, "الجمهورية التركية وسياستها الإقليمية"),
        NewTag(now, "jordan", "الأردن", "Jordan", TagKind.Place, "المملكة الأردنية الهاشمية"),
        NewTag(now, "isis", "داعش", "ISIS", TagKind.Organisation, "تنظيم الدولة الإسلامية المصنف إرهابياً"),
        NewTag(now, "iran", "إيران", "Iran", TagKind.Place, "الجمهورية الإسلامية الإيرانية"),
        NewTag(now, "trump", "ترامب", "Trump", TagKind.Person, "الرئيس الأمريكي دونالد ترامب"),
        NewTag(now, "israel", "إسرائيل", "Israel", TagKind.Place, "إسرائيل وسياساتها في المنطقة"),
        NewTag(now, "united-states", "الولايات المتحدة", "United States", TagKind.Place, "الولايات المتحدة الأمريكية ووجودها العسكري في المنطقة"),
        NewTag(now, "ypg", "وحدات حماية الشعب الكردية", "People's Protection Units (YPG)", TagKind.Organisation, "فصيل كردي مسلح في شمال سوريا"),
        NewTag(now, "pkk", "حزب العمال الكردستاني", "Kurdistan Workers' Party (PKK)", TagKind.Organisation, "حزب كردي مسلح ينشط في تركيا وشمال العراق"),
        NewTag(now, "nujaba", "حركة النجباء", "Harakat al-Nujaba", TagKind.Organisation, "فصيل عراقي مسلح ضمن المقاومة الإسلامية في العراق"),
        NewTag(now, "irgc", "الحرس الثوري", "Islamic Revolutionary Guard Corps", TagKind.Organisation, "الحرس الثوري الإيراني"),
    ];

    private static Tag NewTag(DateTime now, string slug, string name, string nameEn, TagKind kind, string description) =>
        new() { Slug = slug, Name = name, NameEn = nameEn, Kind = kind, Description = description, CreatedAt = now };
}
