using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Search;

/// <summary>
/// The relevance set: query → the complete result set over <see cref="SearchCorpus"/>, and where the ranking rules
/// decide it, the order. Every normalisation, stemming, prefix and query-syntax rule has a case; both stores run them.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class SearchRelevanceTests(TestStore store) : SearchFixture(store)
{
    private static readonly string[] Jordan = ["alliance", "jordan-water", "economy-meeting"];
    private static readonly string[] Syria = ["alliance", "palmyra", "syria-return"];
    private static readonly string[] Iraq = ["alliance", "isis-attack", "prime-minister"];
    private static readonly string[] Trump = ["trump-iran", "trump-nato"];

    public static IEnumerable<TestCaseData> Cases()
    {
        // Attached particles and the article.
        yield return Case("the article ال is stripped", "الأردن", Jordan);
        yield return Case("و + ال is stripped", "والأردن", Jordan);
        yield return Case("a bare word finds its forms with prefixes", "أردن", Jordan);
        yield return Case("و is stripped", "وسوريا", Syria);
        yield return Case("a bare name finds و+name", "سوريا", Syria);
        yield return Case("لل is stripped", "للمياه", ["jordan-water"]);
        yield return Case("ب is stripped", "بعقوبات", ["trump-iran"]);

        // A first letter that may be a particle or part of the word: both readings are searched.
        yield return Case("a word whose first letter looks like a particle", "لاجئين", ["syria-return", "refugee-camps"]);
        yield return Case("the article, then a letter that looks like a particle", "اللاجئين", ["syria-return", "refugee-camps"]);
        yield return Case("a name whose first letter looks like a particle", "بغداد", ["alliance", "prime-minister"]);
        yield return Case("a particle before such a name", "ببغداد", ["alliance", "prime-minister"]);

        // Suffixes.
        yield return Case("the nisba suffix ي is stripped", "عراقي", Iraq);
        yield return Case("ات is stripped", "اصلاحات", ["reforms"]);
        yield return Case("ات finds the singular stem", "عقوبة", ["trump-iran"]);
        yield return Case("a pronoun suffix ه is stripped", "مؤتمره", ["conference"]);

        // Prefix matching, search as you type.
        yield return Case("the last word is a prefix", "سور", Syria);
        yield return Case("a prefix is stemmed like a word", "سوري", Syria);
        yield return Case("a prefix after the article", "الأرد", Jordan);
        yield return Case("an Arabic prefix of a name", "ترا", Trump);
        yield return Case("a Latin prefix of a tag name", "Tru", Trump);
        yield return Case("only the last word is a prefix", "ترا ترامب", []);
        yield return Case("a prefix whose first letter may be a particle (بغد: بغداد, and غدا)", "بغد", ["alliance", "prime-minister", "tatweel"]);
        yield return Case("a prefix with the article and fewer than three letters after it", "الطا", ["energy", "diacritics", "trump-nato"], first: "energy");

        // Letter normalisation.
        yield return Case("alef with hamza above", "اردن", Jordan);
        yield return Case("alef with hamza below", "اصلاحات", ["reforms"]);
        yield return Case("alef madda", "اثار", ["palmyra"]);
        yield return Case("alef wasla", "السلام", ["peace"]);
        yield return Case("taa marbuta written as haa", "الحكومه", ["government", "jordan-water"], first: "government");
        yield return Case("taa marbuta", "حكومة", ["government", "jordan-water"], first: "government");
        yield return Case("alef maqsura written as yaa", "مستشفي", ["hospital"]);
        yield return Case("alef maqsura", "مستشفى", ["hospital"]);
        yield return Case("hamza on waw", "موتمر", ["conference"]);
        yield return Case("hamza on yaa", "رييس", ["prime-minister", "trump-iran", "trump-nato"], first: "prime-minister");
        yield return Case("a short word keeps its letters", "غزة", ["hospital"]);

        // Diacritics and tatweel, in the text and in the query.
        yield return Case("diacritics in the text", "مدرسة", ["diacritics"]);
        yield return Case("diacritics in the query", "مَدْرَسَةٌ", ["diacritics"]);
        yield return Case("diacritics under the article", "القدس", ["diacritics"]);
        yield return Case("shadda", "عمان", ["jordan-water"]);
        yield return Case("tatweel in the text", "الانتخابات", ["tatweel"]);
        yield return Case("tatweel in the query", "الانتخـــابات", ["tatweel"]);

        // Digits.
        yield return Case("ASCII digits find Arabic-Indic ones", "2026", ["digits-arabic"]);
        yield return Case("Arabic-Indic digits", "٢٠٢٦", ["digits-arabic"]);
        yield return Case("Arabic-Indic digits find ASCII ones", "٢٠٣٠", ["digits-ascii"]);
        yield return Case("Persian digits", "۱۴۰۳", ["digits-persian"]);
        yield return Case("ASCII digits find Persian ones", "1403", ["digits-persian"]);

        // Latin text and mixed queries.
        yield return Case("Latin case does not matter", "IRAQ", Iraq);
        yield return Case("an English tag name", "iraq", Iraq);
        yield return Case("Latin in a headline", "Nato", ["nato-summit", "trump-nato"], first: "nato-summit");
        yield return Case("Arabic and Latin names together", "ترامب Trump", Trump, first: "trump-iran");
        yield return Case("Latin and Arabic names together", "ISIS داعش", ["isis-attack"]);
        yield return Case("Arabic name", "داعش", ["isis-attack"]);

        // Query syntax.
        yield return Case("a phrase needs its words together", "\"تحالف رباعي\"", ["alliance"]);
        yield return Case("words without quotes may be apart", "تحالف رباعي", ["alliance", "quartet-decoy"], first: "alliance");
        yield return Case("an unbalanced quote runs to the end", "\"تحالف رباعي", ["alliance"]);
        yield return Case("-word excludes", "ترامب -إيران", ["trump-nato"]);
        yield return Case("-\"phrase\" excludes", "ترامب -\"عقوبات جديدة\"", ["trump-nato"]);
        yield return Case("an exclusion is normalised too", "الأردن -وسوريا", ["jordan-water", "economy-meeting"]);

        // Ranking.
        yield return Case("headline and tags outrank body", "الأردن", Jordan, last: "economy-meeting");
        yield return Case("equal scores: the newest first", "ترامب", Trump, ordered: ["trump-nato", "trump-iran"]);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Query_finds_exactly_the_expected_articles(string query, string[] expected, string? first, string? last, string[]? ordered)
    {
        var slugs = await SlugsAsync(query);

        Assert.That(slugs, Is.EquivalentTo(expected), $"query {query}");
        if (first is not null)
        {
            Assert.That(slugs[0], Is.EqualTo(first), $"best match for {query}");
        }

        if (last is not null)
        {
            Assert.That(slugs[^1], Is.EqualTo(last), $"weakest match for {query}");
        }

        if (ordered is not null)
        {
            Assert.That(slugs, Is.EqualTo(ordered), $"order for {query}");
        }
    }

    private static TestCaseData Case(string rule, string query, string[] expected, string? first = null, string? last = null, string[]? ordered = null) =>
        new TestCaseData(query, expected, first, last, ordered).SetName($"Search: {rule}");
}
