using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Feeds;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class FeedTests(TestStore store) : StoreFixture(store)
{
    [TestCase("rss", "application/rss+xml; charset=utf-8")]
    [TestCase("atom", "application/atom+xml; charset=utf-8")]
    public async Task The_latest_feed_is_a_valid_arabic_feed_of_the_newest_published_articles(string format, string contentType)
    {
        using var response = await Client.Http.GetAsync($"/feeds/latest.{format}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(contentType));
        var feed = await LoadAsync(response);
        Assert.That(feed.Language, Is.EqualTo("ar"));
        Assert.That(feed.Items.Select(i => i.Title.Text), Is.EqualTo(await NewestHeadlinesAsync(tag: null)));
        Assert.That(feed.Items.Select(i => i.Id), Is.All.StartsWith("urn:newsapi:"));
        Assert.That(feed.Items.Select(i => i.Links.Single().Uri.IsAbsoluteUri), Is.All.True);
    }

    [Test]
    public async Task Atom_declares_the_language_on_the_feed_element()
    {
        var xml = await Client.Http.GetStringAsync("/feeds/latest.atom");

        var document = new XmlDocument();
        document.LoadXml(xml);
        Assert.That(document.DocumentElement!.GetAttribute("xml:lang"), Is.EqualTo("ar"));
        Assert.That(xml, Does.Contain("تشكيل تحالف رباعي"), "Arabic is written as text, not character references");
    }

    [Test]
    public async Task The_json_feed_follows_json_feed_1_1()
    {
        using var response = await Client.Http.GetAsync("/feeds/latest.json");
        var body = await response.Content.ReadAsStringAsync();

        using var feed = JsonDocument.Parse(body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/feed+json"));
        Assert.That(feed.RootElement.GetProperty("version").GetString(), Is.EqualTo("https://jsonfeed.org/version/1.1"));
        Assert.That(feed.RootElement.GetProperty("language").GetString(), Is.EqualTo("ar"));
        Assert.That(feed.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()), Is.EqualTo(await NewestHeadlinesAsync(tag: null)));
        Assert.That(body, Does.Not.Contain("\\u06"));
    }

    [Test]
    public async Task A_tag_feed_lists_only_that_tags_published_articles()
    {
        using var response = await Client.Http.GetAsync("/feeds/tags/syria.rss");

        var feed = await LoadAsync(response);
        Assert.That(feed.Title.Text, Does.EndWith("سوريا"));
        Assert.That(feed.Items.Select(i => i.Title.Text), Is.EqualTo(await NewestHeadlinesAsync(tag: "syria")));
        Assert.That(feed.Items.SelectMany(i => i.Categories).Select(c => c.Name), Does.Contain("سوريا"));
    }

    [TestCase("/feeds/tags/no-such-tag.rss")]
    [TestCase("/feeds/sections/no-such-section.atom")]
    [TestCase("/feeds/latest.html")]
    public async Task An_unknown_tag_section_or_format_is_404(string path)
    {
        using var response = await Client.Http.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_feed_is_cacheable_and_answers_304_to_its_etag()
    {
        using var first = await Client.Http.GetAsync("/feeds/latest.atom");
        var etag = first.Headers.ETag;
        Assert.That(etag, Is.Not.Null);
        Assert.That(first.Headers.CacheControl?.Public, Is.True);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/latest.atom");
        request.Headers.IfNoneMatch.Add(etag!);
        using var second = await Client.Http.SendAsync(request);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    private static async Task<SyndicationFeed> LoadAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream);
        return SyndicationFeed.Load(reader);
    }

    private async Task<List<string>> NewestHeadlinesAsync(string? tag)
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        return await db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && (tag == null || a.Tags.Any(t => t.Tag!.Slug == tag)))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(30)
            .Select(a => a.Headline)
            .ToListAsync();
    }
}
