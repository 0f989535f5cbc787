using System.Text.Json;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Related;

/// <summary>
/// Reads what <c>related_stories_json</c> (migration RelatedStoriesAsJson) returns: one array per related story, the
/// ranking's columns then the article's summary columns (ArticleSummary.Projection's), in the function's order.
/// </summary>
public static class RankedRelatedStoriesJson
{
    public static List<RankedRelatedStory> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var stories = new List<RankedRelatedStory>(document.RootElement.GetArrayLength());
        foreach (var row in document.RootElement.EnumerateArray())
        {
            var candidate = new RelatedCandidate(
                SourceId: row[0].GetInt32(),
                CandidateId: row[1].GetInt32(),
                Kind: row[2].GetInt32(),
                SharedTags: row[3].GetInt64(),
                TextScore: row[4].GetDouble(),
                CuratedFirst: row[5].GetInt32(),
                Rank: row[6].GetInt64());
            var article = new Article
            {
                Id = row[7].GetInt32(),
                Slug = row[8].GetString()!,
                Headline = row[9].GetString()!,
                Standfirst = row[10].GetString(),
                Lang = row[11].GetString()!,
                Status = (ArticleStatus)row[12].GetInt32(),
                PublishedAt = row[13].ValueKind == JsonValueKind.Null ? null : Utc(row[13]),
                CreatedAt = Utc(row[14]),
                UpdatedAt = Utc(row[15]),
                SectionId = row[16].ValueKind == JsonValueKind.Null ? null : row[16].GetInt32(),
                SourceName = row[17].GetString(),
                SourceUrl = row[18].GetString(),
                HeroImageUrl = row[19].GetString(),
                HeroImageCaption = row[20].GetString(),
                HeroImageCredit = row[21].GetString(),
                HeroImageAlt = row[22].GetString(),
                CanonicalUrl = row[23].GetString(),
                WordCount = row[24].GetInt32(),
                ShowInRelated = row[25].GetBoolean(),
                Version = row[26].GetInt32(),
            };
            stories.Add(new RankedRelatedStory(candidate, article));
        }

        return stories;
    }

    // PostgreSQL writes timestamptz in JSON as ISO 8601 with the session's offset; EF reads the column as UTC.
    private static DateTime Utc(JsonElement value) => value.GetDateTimeOffset().UtcDateTime;
}
