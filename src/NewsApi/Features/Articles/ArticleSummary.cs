using System.Linq.Expressions;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

/// <summary>
/// The columns lists need: everything but the body, which can be large and is loaded only when a client asks
/// for it (ArticleBodyByIdDataLoader).
/// </summary>
public static class ArticleSummary
{
    public static readonly Expression<Func<Article, Article>> Projection = a => new Article
    {
        Id = a.Id,
        Slug = a.Slug,
        Headline = a.Headline,
        Standfirst = a.Standfirst,
        Lang = a.Lang,
        Status = a.Status,
        PublishedAt = a.PublishedAt,
        CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
        SectionId = a.SectionId,
        SourceName = a.SourceName,
        SourceUrl = a.SourceUrl,
        HeroImageUrl = a.HeroImageUrl,
        HeroImageCaption = a.HeroImageCaption,
        HeroImageCredit = a.HeroImageCredit,
        HeroImageAlt = a.HeroImageAlt,
        CanonicalUrl = a.CanonicalUrl,
        WordCount = a.WordCount,
        ShowInRelated = a.ShowInRelated,
        Version = a.Version,
    };

    /// <summary>The same columns and the body: for a lookup of one article whose body the request selects.</summary>
    public static readonly Expression<Func<Article, Article>> WithBody = a => new Article
    {
        Id = a.Id,
        Slug = a.Slug,
        Headline = a.Headline,
        Standfirst = a.Standfirst,
        Lang = a.Lang,
        Status = a.Status,
        PublishedAt = a.PublishedAt,
        CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
        SectionId = a.SectionId,
        SourceName = a.SourceName,
        SourceUrl = a.SourceUrl,
        HeroImageUrl = a.HeroImageUrl,
        HeroImageCaption = a.HeroImageCaption,
        HeroImageCredit = a.HeroImageCredit,
        HeroImageAlt = a.HeroImageAlt,
        CanonicalUrl = a.CanonicalUrl,
        WordCount = a.WordCount,
        ShowInRelated = a.ShowInRelated,
        Version = a.Version,
        Body = a.Body,
    };
}
