using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using NewsApi.Data.Entities;
using NewsApi.Features.Related;
using NewsApi.Graph;

namespace NewsApi.Features.Caching;

/// <summary>
/// Reads the cache hints off an executed query's result tree, after the fact, so no resolver has to remember to
/// record them: every article, tag, section, author and ticker item in the answer names its key and bounds the
/// max-age, every list bounds it to the list's age and names the list, and the smallest bound wins (like Apollo's
/// cache control). Sync (<c>changes</c>) and the audit log are never stored.
/// </summary>
public sealed class CacheHintCollector(IOptions<CachingOptions> options, TimeProvider clock)
{
    private static readonly HashSet<string> NeverStored = new(StringComparer.Ordinal) { "changes", "auditLog" };

    public CacheHints Collect(ExecutionResult result)
    {
        if (result.Data is not ObjectExecutionNode root)
        {
            return CacheHints.NoStore;
        }

        var walk = new Walk(options.Value, clock.GetUtcNow().UtcDateTime);
        foreach (var field in root.SubFields ?? [])
        {
            var name = field.FieldDefinition?.Name ?? field.Name ?? string.Empty;
            if (NeverStored.Contains(name))
            {
                return CacheHints.NoStore;
            }

            walk.Root(name, field);
        }

        return new CacheHints(walk.MaxAge ?? options.Value.DefaultMaxAgeSeconds, walk.Keys);
    }

    private sealed class Walk(CachingOptions options, DateTime now)
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        /// <summary>The smallest hint so far; none until something with a hint is met.</summary>
        public int? MaxAge { get; private set; }

        public void Root(string name, ExecutionNode field)
        {
            switch (name)
            {
                case "ticker":
                    Bound(options.TickerMaxAgeSeconds, SurrogateKeys.Ticker);
                    break;
                case "articles" or "search":
                    Bound(options.ListMaxAgeSeconds, SurrogateKeys.ArticleList);
                    break;
                case "tags":
                    Bound(options.ListMaxAgeSeconds, SurrogateKeys.TagList);
                    break;
                case "sections":
                    Bound(options.ListMaxAgeSeconds, SurrogateKeys.SectionList);
                    break;
                default:
                    if (field.Result is null)
                    {
                        // Not found (or not public yet): a publish or a new tag may change that at any moment.
                        Bound(options.ListMaxAgeSeconds, SurrogateKeys.ArticleList);
                        Keys.Add(SurrogateKeys.TagList);
                    }

                    break;
            }

            Visit(field);
        }

        private void Visit(ExecutionNode node)
        {
            switch (node.Result)
            {
                case Article article:
                    var old = article.PublishedAt is { } published && now - published >= options.OldArticleAfter;
                    Bound(old ? options.OldArticleMaxAgeSeconds : options.RecentArticleMaxAgeSeconds, SurrogateKeys.Article(article.Id));
                    break;
                case TickerItem:
                    Bound(options.TickerMaxAgeSeconds, SurrogateKeys.Ticker);
                    break;
                case Tag tag:
                    Bound(options.TaxonomyMaxAgeSeconds, SurrogateKeys.Tag(tag.Id));
                    break;
                case Section section:
                    Bound(options.TaxonomyMaxAgeSeconds, SurrogateKeys.Section(section.Id));
                    break;
                case Author author:
                    Bound(options.TaxonomyMaxAgeSeconds, SurrogateKeys.Author(author.Id));
                    break;
                case ConnectionPage<Article> or RelatedStory:
                    // Which articles a list holds changes with every publish, not only with its members.
                    Bound(options.ListMaxAgeSeconds, SurrogateKeys.ArticleList);
                    break;
            }

            switch (node)
            {
                case ObjectExecutionNode { SubFields: { } fields }:
                    foreach (var child in fields)
                    {
                        Visit(child);
                    }

                    break;
                case ArrayExecutionNode { Items: { } items }:
                    foreach (var item in items)
                    {
                        Visit(item);
                    }

                    break;
            }
        }

        private void Bound(int seconds, string key)
        {
            MaxAge = MaxAge is { } bound ? Math.Min(bound, seconds) : seconds;
            Keys.Add(key);
        }
    }
}
