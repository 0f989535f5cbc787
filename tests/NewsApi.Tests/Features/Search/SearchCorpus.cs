using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Tests.Features.Search;

/// <summary>
/// A small fixed corpus for relevance tests, each article written to exercise one normalisation or query rule.
/// Inserted through the ordinary write path (SaveChanges), so it also proves the search documents are written.
/// </summary>
public static class SearchCorpus
{
    public static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly (string Slug, string Name, string NameEn, TagKind Kind)[] Tags =
    [
        ("iraq", "العراق", "Iraq", TagKind.Place),
        ("syria", "سوريا", "Syria", TagKind.Place),
        ("jordan", "الأردن", "Jordan", TagKind.Place),
        ("turkey", "تركيا", "Turkey", TagKind.Place),
        ("iran", "إيران", "Iran", TagKind.Place),
        ("trump", "ترامب", "Trump", TagKind.Person),
        ("isis", "داعش", "ISIS", TagKind.Organisation),
        ("nato", "حلف شمال الأطلسي", "NATO", TagKind.Organisation),
    ];

    /// <summary>Slug, headline, standfirst, body paragraphs, tag slugs. Later entries are published later.</summary>
    public static readonly (string Slug, string Headline, string? Standfirst, string[] Body, string[] Tags)[] Articles =
    [
        ("alliance", "تشكيل تحالف رباعي يضم العراق وسوريا وتركيا والأردن", "اجتماعات قريبة لقادة الأجهزة الأمنية في المنطقة",
            ["قالت مصادر إن التحالف سيبدأ اجتماعاته في بغداد قريبا."], ["iraq", "syria", "turkey", "jordan"]),
        ("jordan-water", "أردن يوقع اتفاقية جديدة للمياه", "اتفاق لتقاسم المياه مع الجيران",
            ["وقعت الحكومة في عمّان الاتفاقية أمس."], ["jordan"]),
        ("economy-meeting", "لقاء اقتصادي في القاهرة", "رجال أعمال يبحثون التجارة",
            ["ناقش اللقاء التبادل التجاري بين مصر والأردن وسبل تطويره."], []),
        ("trump-iran", "ترامب يهدد إيران بعقوبات جديدة", "Trump says new sanctions will follow",
            ["قال الرئيس الأمريكي إن العقوبات ستشمل قطاع النفط."], ["trump", "iran"]),
        ("trump-nato", "ترامب ينتقد الحلفاء في أوروبا", "انتقادات لاذعة للإنفاق الدفاعي",
            ["طالب الرئيس الدول الأعضاء بزيادة إنفاقها."], ["trump", "nato"]),
        ("isis-attack", "هجوم لتنظيم داعش قرب الموصل", "ISIS claimed the attack in a statement",
            ["أعلن التنظيم مسؤوليته عن الهجوم."], ["isis", "iraq"]),
        ("diacritics", "مَدْرَسَةٌ جَدِيدَةٌ فِي القُدْسِ", "افتتاح مبنى تعليمي",
            ["تستقبل المدرسة ألف طالب."], []),
        ("tatweel", "الانتخـــابات البلدية تنطلق غدا", "الناخبون يتوجهون إلى الصناديق",
            ["تجري الانتخابات في كل المحافظات."], []),
        ("digits-arabic", "موازنة عام ٢٠٢٦ تقر في البرلمان", "النواب يصوتون على الموازنة",
            ["أقرت الموازنة بأغلبية كبيرة."], []),
        ("digits-ascii", "خطة 2030 للتنمية المستدامة", "رؤية طويلة الأمد",
            ["تهدف الخطة إلى تنويع الاقتصاد."], []),
        ("digits-persian", "تقويم جديد للمدارس", "تغييرات في العطل الرسمية",
            ["يبدأ العام الدراسي في سنة ۱۴۰۳ حسب التقويم."], []),
        ("government", "الحكومة تعلن خطة للإسكان", "مشاريع سكنية في عدة مدن",
            ["قالت الحكومة إن المشروع سيكتمل خلال عامين."], []),
        ("hospital", "مستشفى ميداني جديد في غزة", "طواقم طبية تصل إلى القطاع",
            ["يضم المستشفى مئة سرير."], []),
        ("conference", "مؤتمر صحفي لوزير الخارجية", "تصريحات حول العلاقات الإقليمية",
            ["عقد الوزير مؤتمره في العاصمة."], []),
        ("prime-minister", "رئيس الوزراء يزور بغداد", "زيارة رسمية تستمر يومين",
            ["التقى رئيس الوزراء بنظيره العراقي."], ["iraq"]),
        ("palmyra", "آثار تدمر تعود للزوار", "ترميم المواقع الأثرية",
            ["عادت الحركة السياحية إلى الموقع."], ["syria"]),
        ("peace", "دعوات للحوار في اليمن", "مبادرة أممية جديدة",
            ["رفع المتظاهرون شعار ٱلسلام للجميع."], []),
        ("reforms", "إصلاحات اقتصادية في مصر", "البنك المركزي يرفع الفائدة",
            ["تشمل الإصلاحات دعم الصادرات."], []),
        ("nato-summit", "NATO Summit: الحلف يجتمع في بروكسل", "قادة الدول الأعضاء يناقشون الدفاع",
            ["ناقشت القمة ملف أوكرانيا."], ["nato"]),
        ("quartet-decoy", "لقاء رباعي في القاهرة", "وزراء الخارجية يجتمعون",
            ["أكد الوزراء أنه لا تحالف جديد في الأفق."], []),
        ("syria-return", "عودة اللاجئين إلى وسوريا تتسارع", "آلاف العائدين عبر الحدود",
            ["تقول الأمم المتحدة إن الأعداد تزداد."], ["syria"]),
        ("injection", "\"* OR NEAR( ليس تعليمة", "نص يحتوي رموزا مثل ; DROP TABLE و %_",
            ["سطر عادي."], []),
        ("energy", "محطة جديدة لتوليد الطاقة", "استثمارات كبيرة لإنتاج الكهرباء",
            ["تعمل المحطة بالطاقة الشمسية."], []),
        ("refugee-camps", "مخيمات تستقبل لاجئين جددا", "منظمات الإغاثة تطلب التمويل",
            ["وصل الآلاف خلال الشهر."], []),
    ];

    /// <summary>Not public: drafts, scheduled and archived articles mentioning words the tests search for.</summary>
    public static readonly (string Slug, string Headline, ArticleStatus Status, bool Future)[] Hidden =
    [
        ("draft-syria", "مسودة سرية عن سوريا والأردن وترامب", ArticleStatus.Draft, false),
        ("scheduled-syria", "سوريا: تقرير مجدول عن ترامب", ArticleStatus.Scheduled, true),
        ("future-published-syria", "سوريا: خبر منشور في المستقبل عن ترامب", ArticleStatus.Published, true),
        ("archived-syria", "سوريا: أرشيف ترامب القديم", ArticleStatus.Archived, false),
    ];

    public static async Task InsertAsync(NewsDbContext db)
    {
        var tags = Tags.ToDictionary(t => t.Slug, t => new Tag { Slug = t.Slug, Name = t.Name, NameEn = t.NameEn, Kind = t.Kind, CreatedAt = Start });
        db.Tags.AddRange(tags.Values);
        for (var i = 0; i < Articles.Length; i++)
        {
            var (slug, headline, standfirst, body, tagSlugs) = Articles[i];
            var article = NewArticle(slug, headline, standfirst, body, ArticleStatus.Published, Start.AddHours(i));
            article.Tags = [.. tagSlugs.Select((t, position) => new ArticleTag { Tag = tags[t], Position = position })];
            db.Articles.Add(article);
        }

        foreach (var (slug, headline, status, future) in Hidden)
        {
            var publishedAt = future ? DateTime.UtcNow.AddDays(30) : Start.AddHours(100);
            var article = NewArticle(slug, headline, headline, [headline], status, status == ArticleStatus.Draft ? null : publishedAt);
            article.Tags = [new ArticleTag { Tag = tags["syria"] }, new ArticleTag { Tag = tags["trump"], Position = 1 }];
            db.Articles.Add(article);
        }

        await db.SaveChangesAsync();
    }

    private static Article NewArticle(string slug, string headline, string? standfirst, string[] body, ArticleStatus status, DateTime? publishedAt) => new()
    {
        Slug = slug,
        Headline = headline,
        Standfirst = standfirst,
        Body = [.. body.Select(text => new ArticleBlock { Kind = BlockKind.Paragraph, Text = text })],
        Status = status,
        PublishedAt = publishedAt,
        CreatedAt = Start,
        UpdatedAt = Start,
    };
}
