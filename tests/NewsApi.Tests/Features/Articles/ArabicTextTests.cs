using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Articles;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class ArabicTextTests(TestStore store) : StoreFixture(store)
{
    private const string ArticleQuery = """
        query($slug: String) {
          article(slug: $slug) {
            headline lang dir
            body { kind ... on ParagraphBlock { text } ... on QuoteBlock { text attribution } }
          }
        }
        """;

    [Test]
    public async Task The_sample_articles_paragraphs_come_back_byte_for_byte_as_utf8()
    {
        var slug = await SlugOfAsync(SamplePageText.ArticleHeadline);

        var response = await Client.PostAsync(ArticleQuery, new { slug });

        var article = response.Data.GetProperty("article");
        var paragraphs = article.GetProperty("body").EnumerateArray()
            .Where(b => b.GetProperty("kind").GetString() == "PARAGRAPH")
            .Select(b => b.GetProperty("text").GetString()!)
            .ToList();
        Assert.That(paragraphs.Select(Encoding.UTF8.GetBytes), Is.EqualTo(SamplePageText.ArticleParagraphs.Select(Encoding.UTF8.GetBytes)));
        Assert.That(article.GetProperty("headline").GetString(), Is.EqualTo(SamplePageText.ArticleHeadline));
        Assert.That(article.GetProperty("dir").GetString(), Is.EqualTo("RTL"));
    }

    [Test]
    public async Task Arabic_travels_as_raw_utf8_not_unicode_escapes()
    {
        var slug = await SlugOfAsync(SamplePageText.ArticleHeadline);

        var response = await Client.PostAsync(ArticleQuery, new { slug });

        Assert.That(response.ContentType, Does.Contain("charset=utf-8"));
        Assert.That(response.Body, Does.Not.Contain("\\u06"));
        foreach (var paragraph in SamplePageText.ArticleParagraphs)
        {
            // The quotation marks (“ ”) and Arabic comma of the page must survive too, as themselves.
            Assert.That(IndexOf(response.Bytes, EscapedJson(paragraph)), Is.GreaterThanOrEqualTo(0), paragraph);
        }
    }

    [Test]
    public async Task Hostile_but_valid_text_round_trips_exactly()
    {
        // Diacritics, tatweel, bidi controls, zero-width joiners, Arabic-Indic digits, an astral emoji and a lone
        // combining mark: everything a pipeline might "helpfully" normalise away.
        const string headline = "عاجِلٌ: الـــعراق ٢٠٢٦ \u200F(RTL)\u200E \u2067abc\u2069 لا\u200Dإله 🇮🇶 \u0651 <script>&amp;\"'\\";
        var slug = "hostile-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = await CreateDbContextAsync())
        {
            var now = DateTime.UtcNow.AddMinutes(-1);
            db.Articles.Add(new Article
            {
                Slug = slug,
                Headline = headline,
                Status = ArticleStatus.Published,
                PublishedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
                Body = [new ArticleBlock { Kind = BlockKind.Paragraph, Text = headline }],
            });
            await db.SaveChangesAsync();
        }

        var response = await Client.PostAsync(ArticleQuery, new { slug });

        var article = response.Data.GetProperty("article");
        Assert.That(Encoding.UTF8.GetBytes(article.GetProperty("headline").GetString()!), Is.EqualTo(Encoding.UTF8.GetBytes(headline)));
        Assert.That(article.GetProperty("body")[0].GetProperty("text").GetString(), Is.EqualTo(headline));
    }

    private async Task<string> SlugOfAsync(string headline)
    {
        await using var db = await CreateDbContextAsync();
        return await db.Articles.Where(a => a.Headline == headline).Select(a => a.Slug).SingleAsync();
    }

    private static byte[] EscapedJson(string text) =>
        Encoding.UTF8.GetBytes(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal));

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
