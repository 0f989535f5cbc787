using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace NewsApi.Features.Feeds;

/// <summary>Writes a feed as RSS 2.0, Atom 1.0 or JSON Feed 1.1, all declaring Arabic so readers lay them out right to left.</summary>
public static class FeedWriter
{
    private const string Language = "ar";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string ContentType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml; charset=utf-8",
        FeedFormat.Atom => "application/atom+xml; charset=utf-8",
        _ => "application/feed+json; charset=utf-8",
    };

    public static byte[] Write(FeedContent content, FeedFormat format) =>
        format == FeedFormat.Json ? WriteJson(content) : WriteXml(content, format);

    private static byte[] WriteXml(FeedContent content, FeedFormat format)
    {
        var feed = new SyndicationFeed(content.Title, content.Description, content.Link)
        {
            Id = content.Self.AbsoluteUri,
            Language = Language,
            LastUpdatedTime = content.Updated,
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(content.Self));
        feed.Items = content.Items.Select(ToSyndicationItem).ToList();

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            if (format == FeedFormat.Rss)
            {
                new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
            }
            else
            {
                // The formatter writes Language as xml:lang on the feed element.
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
        }

        return stream.ToArray();
    }

    private static SyndicationItem ToSyndicationItem(FeedItem item)
    {
        var entry = new SyndicationItem(item.Title, item.Summary ?? string.Empty, item.Link, item.Id, item.Updated)
        {
            PublishDate = item.Published,
        };
        foreach (var tag in item.Tags)
        {
            entry.Categories.Add(new SyndicationCategory(tag));
        }

        foreach (var author in item.Authors)
        {
            entry.Authors.Add(new SyndicationPerson { Name = author });
        }

        return entry;
    }

    private static byte[] WriteJson(FeedContent content)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", content.Title);
            json.WriteString("description", content.Description);
            json.WriteString("home_page_url", content.Link.AbsoluteUri);
            json.WriteString("feed_url", content.Self.AbsoluteUri);
            json.WriteString("language", Language);
            json.WriteStartArray("items");
            foreach (var item in content.Items)
            {
                json.WriteStartObject();
                json.WriteString("id", item.Id);
                json.WriteString("url", item.Link.AbsoluteUri);
                json.WriteString("title", item.Title);
                json.WriteString("content_text", item.Summary ?? item.Title);
                if (item.Summary is not null)
                {
                    json.WriteString("summary", item.Summary);
                }

                json.WriteString("date_published", item.Published.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("date_modified", item.Updated.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("language", item.Lang);
                json.WriteStartArray("tags");
                item.Tags.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteStartArray("authors");
                foreach (var author in item.Authors)
                {
                    json.WriteStartObject();
                    json.WriteString("name", author);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
