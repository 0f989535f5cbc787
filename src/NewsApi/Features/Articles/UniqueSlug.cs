using Microsoft.EntityFrameworkCore;
using NewsApi.Data;

namespace NewsApi.Features.Articles;

/// <summary>Slugs made for people (from a headline or a name) rather than chosen by them: never refused, suffixed instead.</summary>
public static class UniqueSlug
{
    /// <summary>
    /// <paramref name="wanted"/> when no row in <paramref name="slugs"/> has it, else the first free of wanted-2,
    /// wanted-3, ... cut so the suffix fits the column. An empty slug (a headline of punctuation only) becomes <paramref name="fallback"/>.
    /// </summary>
    public static async Task<string> AllocateAsync(IQueryable<string> slugs, string wanted, string fallback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var slug = wanted.Length == 0 ? fallback : wanted;
        var stem = slug.Length > ContentLimits.SlugLength - 8 ? slug[..(ContentLimits.SlugLength - 8)] : slug;
        var taken = (await slugs.Where(s => s == slug || s.StartsWith(stem)).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var head = slug.Length + suffix.Length > ContentLimits.SlugLength ? slug[..(ContentLimits.SlugLength - suffix.Length)].TrimEnd('-') : slug;
            if (!taken.Contains(head + suffix))
            {
                return head + suffix;
            }
        }
    }
}
