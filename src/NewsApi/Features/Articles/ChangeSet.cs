using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsApi.Features.Articles;

/// <summary>The fields one write changed, from what to what: the body of an article revision.</summary>
public sealed class ChangeSet
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Revisions are read by editors in Arabic; keep the text legible in the stored JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly SortedDictionary<string, object?[]> changes = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Fields => changes.Keys;

    /// <summary>Assigns <paramref name="to"/> when it differs from <paramref name="from"/>, and notes the change.</summary>
    public void Set<T>(string field, T from, T to, Action<T> assign)
    {
        ArgumentNullException.ThrowIfNull(assign);
        if (EqualityComparer<T>.Default.Equals(from, to))
        {
            return;
        }

        assign(to);
        Record(field, from, to);
    }

    public void Record(string field, object? from, object? to) => changes[field] = [from, to];

    public string ToJson() =>
        JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => new { from = c.Value[0], to = c.Value[1] }, StringComparer.Ordinal), Json);
}
