using NewsApi.Data.Entities;

namespace NewsApi.Data.Seeding;

/// <summary>
/// Hand-written Arabic stories around the sample page's themes. They give feeds, tag pages, related stories and
/// search something realistic to work on; the page's own texts are never repeated here (they come from the page).
/// </summary>
internal static class SampleArticles
{
    /// <summary>A second paragraph for each ticker item's story, in the page's ticker order, so each reads as a short story.</summary>
    public static readonly IReadOnlyList<string> TickerFollowUps =
    [
        "وقال الكعبي في كلمة متلفزة إن وجود القوات الأجنبية على الأراضي العراقية بات يشكّل تهديداً مباشراً لأمن البلاد، محذراً من أن الاعتداء على إيران سيجرّ المنطقة إلى مواجهة مفتوحة، وداعياً الحكومة والبرلمان إلى اتخاذ موقف حازم.",
        "وأضاف هنغبي في تصريحات لوسائل إعلام إسرائيلية أن الهدف من العمليات العسكرية هو منع طهران من امتلاك سلاح نووي، مشيراً إلى أن إسرائيل تنسّق خطواتها بشكل وثيق مع الولايات المتحدة.",
        "وأوضح ترامب أن إدارته كانت على اطلاع مسبق على الخطة الإسرائيلية لكنها لم تشارك في تنفيذها، مضيفاً أن الباب لا يزال مفتوحاً أمام إيران للعودة إلى طاولة المفاوضات.",
        "وقال باكبور في بيان نشرته وسائل إعلام إيرانية إن الحرس الثوري سيردّ على الهجوم بقوة، مؤكداً أن القوات المسلحة الإيرانية في أعلى درجات الجاهزية للدفاع عن البلاد.",
        "ودعا المجلس المواطنين المسافرين إلى الخارج إلى تجنّب التجمعات والأماكن المزدحمة، والابتعاد عن أي مظاهر قد تكشف هويتهم، ومتابعة تحذيرات السفر الصادرة عن الجهات الرسمية بشكل مستمر.",
    ];

    /// <summary>Section, tags and cited source of each ticker item's story, in the page's ticker order.</summary>
    public static readonly IReadOnlyList<(string Section, string[] Tags, string? Source)> TickerStoryFacts =
    [
        ("politics", ["nujaba", "iraq", "united-states", "iran"], null),
        ("world", ["israel", "iran", "united-states"], null),
        ("world", ["trump", "israel", "iran", "united-states"], "وول ستريت جورنال"),
        ("security", ["irgc", "iran", "israel"], null),
        ("world", ["israel", "iran", "irgc"], null),
    ];

    public static readonly IReadOnlyList<SampleArticleSpec> Stories =
    [
        new()
        {
            Headline = "أنقرة تقترح على واشنطن إدارة سجون عناصر داعش في شمال سوريا",
            Standfirst = "مقترح تركي لتسلّم السجون التي يُحتجز فيها آلاف من عناصر التنظيم، وسط مخاوف من فراغ أمني إذا انسحبت القوات الأميركية.",
            Section = "security",
            Authors = ["layla-haddad"],
            Tags = ["turkey", "isis", "syria", "united-states", "ypg"],
            Age = TimeSpan.FromHours(2),
            SourceName = "مصادر دبلوماسية",
            HeroImageUrl = "https://media.news.example/images/syria-prison-camp.jpg",
            HeroImageCaption = "سور أحد مراكز الاحتجاز في شمال شرق سوريا",
            HeroImageCredit = "أرشيف الوكالة",
            HeroImageAlt = "سور مرتفع تعلوه أسلاك شائكة",
            Body =
            [
                Paragraph("كشفت مصادر دبلوماسية أن تركيا قدّمت إلى الولايات المتحدة مقترحاً مفصلاً لتسلّم إدارة السجون التي يُحتجز فيها آلاف من عناصر تنظيم داعش في شمال شرق سوريا، في إطار مساعيها لملء أي فراغ قد ينجم عن انسحاب القوات الأميركية."),
                Quote("لن نسمح بأن تتحوّل هذه السجون إلى قنابل موقوتة تهدد أمن المنطقة", "مسؤول في وزارة الدفاع التركية"),
                Heading("مخاوف من فراغ أمني"),
                Paragraph("وتخشى عواصم إقليمية وغربية من أن يؤدي أي اضطراب أمني في المنطقة إلى فرار المحتجزين، ما قد يمنح التنظيم فرصة لإعادة تنظيم صفوفه بعد سنوات من هزيمته الميدانية."),
                Paragraph("ولم يصدر حتى الآن تعليق رسمي من واشنطن على المقترح، فيما تؤكد الإدارة الكردية المحلية أنها ما زالت تتولى حماية السجون بالتنسيق مع التحالف الدولي."),
            ],
        },
        new()
        {
            Headline = "وزراء خارجية العراق وسوريا وتركيا والأردن يحضّرون لاجتماع عمّان",
            Standfirst = "اتصالات مكثفة لوضع جدول أعمال أول اجتماع للتحالف الرباعي، يتصدره أمن الحدود وتبادل المعلومات.",
            Section = "politics",
            Authors = ["politics-desk", "ali-almousawi"],
            Tags = ["jordan", "iraq", "syria", "turkey", "isis"],
            Age = TimeSpan.FromHours(6),
            Body =
            [
                Paragraph("تتواصل الاتصالات بين وزارات خارجية الدول الأربع للتحضير لاجتماع مرتقب في العاصمة الأردنية عمّان، يُنتظر أن يضع الأسس العملية لآلية التعاون الأمني المشترك ضد تنظيم داعش."),
                Paragraph("وقال مصدر في وزارة الخارجية الأردنية إن جدول الأعمال سيتناول أمن الحدود وتبادل المعلومات الاستخبارية، إضافة إلى تنسيق المواقف بشأن مستقبل الوجود العسكري الأجنبي في المنطقة."),
                Quote("الأمن الإقليمي مسؤولية مشتركة، ولا يمكن لأي دولة أن تواجه خطر الإرهاب وحدها", "مصدر في وزارة الخارجية الأردنية"),
                new ArticleBlock
                {
                    Kind = BlockKind.Embed,
                    Provider = "x",
                    Url = "https://x.com/news_example/status/1890000000000000001",
                    Caption = "إعلان الخارجية الأردنية موعد الاجتماع",
                },
            ],
        },
        new()
        {
            Headline = "العراق يعزّز حدوده مع سوريا تحسّباً لتسلل عناصر داعش",
            Standfirst = "تعزيزات عسكرية وكاميرات حرارية وأبراج مراقبة جديدة على طول الشريط الحدودي.",
            Section = "security",
            Authors = ["ali-almousawi"],
            Tags = ["iraq", "syria", "isis"],
            Age = TimeSpan.FromDays(1),
            SourceName = "قيادة العمليات المشتركة",
            HeroImageUrl = "https://media.news.example/images/iraq-syria-border.jpg",
            HeroImageCaption = "أبراج مراقبة على الحدود العراقية السورية",
            HeroImageCredit = "وكالة الأنباء العراقية",
            HeroImageAlt = "جنود عراقيون قرب برج مراقبة",
            Body =
            [
                Paragraph("أعلنت قيادة العمليات المشتركة في العراق إرسال تعزيزات عسكرية إضافية إلى الشريط الحدودي مع سوريا، في خطوة قالت إنها تهدف إلى منع أي محاولة لتسلل عناصر تنظيم داعش."),
                Paragraph("وأوضح المتحدث باسم القيادة أن القوات نصبت كاميرات حرارية وأبراج مراقبة جديدة على طول الحدود، إلى جانب تكثيف الطلعات الجوية لطيران الجيش."),
                new ArticleBlock
                {
                    Kind = BlockKind.Image,
                    Url = "https://media.news.example/images/iraq-border-patrol.jpg",
                    Text = "دورية عسكرية عراقية في منطقة صحراوية",
                    Caption = "دورية للجيش العراقي قرب الحدود مع سوريا",
                    Credit = "وكالة الأنباء العراقية",
                },
                Paragraph("ويأتي ذلك في ظل تقارير عن تحركات لخلايا التنظيم في البادية السورية، وهي منطقة صحراوية واسعة يصعب ضبطها أمنياً."),
            ],
        },
        new()
        {
            Headline = "فصائل عراقية تجدّد مطالبتها بجدولة انسحاب القوات الأميركية",
            Standfirst = "الفصائل تعتبر أن وجود القوات الأجنبية لم يعد مبرراً، وواشنطن تقول إنها موجودة بدعوة من بغداد.",
            Section = "politics",
            Authors = ["politics-desk"],
            Tags = ["iraq", "united-states", "nujaba", "iran"],
            Age = TimeSpan.FromDays(2),
            Body =
            [
                Paragraph("جدّدت فصائل عراقية مسلحة مطالبتها الحكومة بوضع جدول زمني واضح لانسحاب القوات الأميركية من البلاد، معتبرة أن وجود هذه القوات لم يعد مبرراً بعد هزيمة تنظيم داعش."),
                Quote("السيادة الوطنية لا تتجزأ، وعلى الحكومة أن تحسم هذا الملف عبر الحوار أو عبر البرلمان", "بيان صادر عن حركة النجباء"),
                Paragraph("في المقابل، تؤكد واشنطن أن قواتها موجودة بدعوة من الحكومة العراقية، وأن مهمتها تقتصر على تقديم المشورة والتدريب ودعم عمليات مكافحة الإرهاب."),
            ],
        },
        new()
        {
            Headline = "طهران تتوعّد بالرد وتل أبيب ترفع حالة التأهب",
            Standfirst = "استنفار في منظومات الدفاع الجوي الإسرائيلية بعد تهديدات إيرانية متكررة.",
            Section = "world",
            Authors = ["layla-haddad"],
            Tags = ["iran", "israel", "irgc"],
            Age = TimeSpan.FromHours(3),
            Body =
            [
                Paragraph("رفعت إسرائيل حالة التأهب في قواعدها العسكرية ومنظومات الدفاع الجوي، بعد تهديدات إيرانية متكررة بالرد على الضربات التي استهدفت منشآت داخل الأراضي الإيرانية."),
                Paragraph("وقال متحدث عسكري إسرائيلي إن الجيش مستعد لجميع السيناريوهات، فيما أكدت وسائل إعلام إيرانية أن الحرس الثوري وضع خططاً للرد في الزمان والمكان المناسبين."),
                Quote("ردّنا سيكون محسوباً وحاسماً", "قيادي في الحرس الثوري الإيراني"),
            ],
        },
        new()
        {
            Headline = "واشنطن تراجع حجم وجودها العسكري في سوريا",
            Standfirst = "نقاش داخل الإدارة الأميركية حول تقليص القوات، وقلق لدى وحدات حماية الشعب الكردية.",
            Section = "world",
            Authors = ["politics-desk", "layla-haddad"],
            Tags = ["united-states", "syria", "trump", "ypg"],
            Age = TimeSpan.FromDays(4),
            Body =
            [
                Paragraph("تجري الإدارة الأميركية مراجعة لحجم وجودها العسكري في سوريا، وسط نقاش داخل واشنطن حول جدوى إبقاء القوات في ظل تراجع قدرات تنظيم داعش."),
                Paragraph("وأشار مسؤولون أميركيون إلى أن الرئيس ترامب يميل إلى تقليص عدد الجنود، مع الحفاظ على قدرة الاستجابة السريعة لأي تهديد إرهابي."),
                Paragraph("وتثير هذه المراجعة قلق وحدات حماية الشعب الكردية التي تعتمد على الدعم الأميركي، بينما ترحّب أنقرة بأي خطوة تقلّص هذا الدعم."),
            ],
        },
        new()
        {
            Headline = "أنقرة تكثّف عملياتها ضد حزب العمال الكردستاني في شمال العراق",
            Standfirst = "غارات جوية تركية على مواقع جبلية، وبغداد تدعو إلى احترام سيادتها.",
            Section = "security",
            Authors = ["ali-almousawi"],
            Tags = ["turkey", "pkk", "iraq"],
            Age = TimeSpan.FromDays(5),
            SourceName = "وزارة الدفاع التركية",
            HeroImageUrl = "https://media.news.example/images/northern-iraq-mountains.jpg",
            HeroImageCaption = "المناطق الجبلية في شمال العراق",
            HeroImageCredit = "أرشيف الوكالة",
            HeroImageAlt = "سلسلة جبال تغطيها الثلوج",
            Body =
            [
                Paragraph("أعلنت وزارة الدفاع التركية تنفيذ سلسلة من الغارات الجوية على مواقع قالت إنها تابعة لحزب العمال الكردستاني في المناطق الجبلية شمالي العراق."),
                Paragraph("وقالت الوزارة في بيان إن العمليات ستستمر حتى القضاء على التهديدات التي تستهدف الحدود التركية، مؤكدة أنها تجري بالتنسيق مع الجهات المعنية."),
                Paragraph("من جهتها، دعت بغداد إلى احترام سيادة الأراضي العراقية، وإلى معالجة الملف الأمني عبر التعاون الثنائي بدلاً من العمليات الأحادية."),
            ],
        },
        new()
        {
            Headline = "الأردن يستضيف مؤتمراً إقليمياً حول أمن الحدود ومكافحة التهريب",
            Standfirst = "مسؤولون من دول الجوار يبحثون في عمّان سبل وقف تهريب المخدرات والسلاح.",
            Section = "world",
            Authors = ["politics-desk"],
            Tags = ["jordan", "syria", "iraq"],
            Age = TimeSpan.FromDays(6),
            Body =
            [
                Paragraph("يستضيف الأردن الأسبوع المقبل مؤتمراً إقليمياً يبحث سبل تعزيز أمن الحدود ومكافحة تهريب المخدرات والسلاح، بمشاركة مسؤولين من دول الجوار."),
                Paragraph("وتُعدّ الحدود الأردنية السورية من أكثر المناطق التي تشهد محاولات تهريب، إذ تعلن القوات المسلحة الأردنية بشكل متكرر إحباط عمليات على طول الشريط الحدودي."),
            ],
        },
        new()
        {
            Headline = "البرلمان العراقي يناقش مشروع قانون لتنظيم عمل الفصائل المسلحة",
            Standfirst = "مشروع يهدف إلى دمج الفصائل في المؤسسات الأمنية الرسمية، ويواجه اعتراض كتل مقرّبة منها.",
            Section = "politics",
            Authors = ["ali-almousawi", "politics-desk"],
            Tags = ["iraq", "nujaba", "iran"],
            Age = TimeSpan.FromDays(7),
            Body =
            [
                Paragraph("بدأ مجلس النواب العراقي مناقشة مشروع قانون يهدف إلى تنظيم عمل الفصائل المسلحة ودمجها ضمن المؤسسات الأمنية الرسمية."),
                Quote("لا يمكن بناء دولة قوية في ظل وجود سلاح خارج سيطرتها", "نائب في لجنة الأمن والدفاع النيابية"),
                Paragraph("ويواجه المشروع معارضة من كتل سياسية مقرّبة من الفصائل، ترى أن توقيته يخدم ضغوطاً خارجية."),
            ],
        },
        new()
        {
            Headline = "إسرائيل تغلق عدداً من سفاراتها تحسّباً لهجمات",
            Standfirst = "إغلاق مؤقت لبعثات دبلوماسية وتقليص للموظفين، وواشنطن تشدد الحماية حول المنشآت الإسرائيلية.",
            Section = "world",
            Authors = ["layla-haddad"],
            Tags = ["israel", "iran", "united-states"],
            Age = TimeSpan.FromHours(12),
            Body =
            [
                Paragraph("قررت وزارة الخارجية الإسرائيلية إغلاق عدد من سفاراتها وقنصلياتها مؤقتاً، وتقليص عدد الموظفين في بعثات أخرى، تحسّباً لهجمات انتقامية."),
                Paragraph("وطلبت الوزارة من الدبلوماسيين وعائلاتهم تجنّب الأماكن العامة، في حين أعلنت الولايات المتحدة رفع مستوى الحماية حول المنشآت الإسرائيلية على أراضيها."),
            ],
        },
        new()
        {
            Slug = "draft-sample",
            Status = ArticleStatus.Draft,
            Headline = "مسودة: مستقبل التحالف الرباعي بعد اجتماع عمّان",
            Standfirst = "قراءة أولية لم تُراجع بعد.",
            Section = "politics",
            Authors = ["politics-desk"],
            Tags = ["iraq", "turkey", "jordan"],
            Body =
            [
                Paragraph("نص أولي لتحليل يتناول فرص نجاح التحالف الرباعي والتحديات التي تواجهه، ولم يُعتمد للنشر بعد."),
                Paragraph("ينتظر هذا النص مراجعة المحرر المسؤول قبل تحديد موعد نشره."),
            ],
        },
        new()
        {
            Slug = "scheduled-sample",
            Status = ArticleStatus.Scheduled,
            Headline = "مجدول: ملف خاص عن نشاط داعش في البادية السورية",
            Standfirst = "ملف يُنشر في موعد لاحق.",
            Section = "security",
            Authors = ["ali-almousawi"],
            Tags = ["isis", "syria", "iraq"],
            Age = -TimeSpan.FromDays(2),
            Body =
            [
                Paragraph("يتتبع هذا الملف نشاط خلايا التنظيم في البادية السورية ومحاولاتها العبور نحو الأراضي العراقية."),
                Paragraph("يُنشر الملف تلقائياً في الموعد المحدد له."),
            ],
        },
        new()
        {
            Slug = "archived-sample",
            Status = ArticleStatus.Archived,
            Headline = "مؤرشف: تقرير سابق عن التنسيق الأمني الإقليمي",
            Standfirst = "تقرير سُحب من النشر.",
            Section = "world",
            Authors = ["layla-haddad"],
            Tags = ["turkey", "syria", "iraq"],
            Age = TimeSpan.FromDays(30),
            Body =
            [
                Paragraph("تقرير سابق عن التنسيق الأمني بين دول المنطقة، نُقل إلى الأرشيف بعد تحديث معلوماته."),
                Paragraph("لا يظهر هذا التقرير للقراء."),
            ],
        },
    ];

    private static ArticleBlock Paragraph(string text) => new() { Kind = BlockKind.Paragraph, Text = text };

    private static ArticleBlock Quote(string text, string attribution) =>
        new() { Kind = BlockKind.Quote, Text = text, Attribution = attribution };

    private static ArticleBlock Heading(string text) => new() { Kind = BlockKind.Heading, Text = text, Level = 2 };
}
