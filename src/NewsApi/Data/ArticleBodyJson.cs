using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsApi.Data.Entities;

namespace NewsApi.Data;

/// <summary>How an article body is stored: a JSON array of blocks (jsonb on PostgreSQL, text on SQLite).</summary>
internal static class ArticleBodyJson
{
    // Arabic stays as UTF-8 in the column so the stored body is readable and half the size of \u escapes.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static readonly ValueConverter<List<ArticleBlock>, string> Converter = new(
        blocks => JsonSerializer.Serialize(blocks, Options),
        json => JsonSerializer.Deserialize<List<ArticleBlock>>(json, Options) ?? new List<ArticleBlock>());

    public static readonly ValueComparer<List<ArticleBlock>> Comparer = new(
        (left, right) => left != null && right != null && left.SequenceEqual(right),
        blocks => blocks.Aggregate(0, (hash, block) => HashCode.Combine(hash, block.GetHashCode())),
        blocks => blocks.ToList());
}
