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
    public static readonly Expression<Func<Article, Article>> WithBody = Plus(Projection, nameof(Article.Body));

    private static Expression<Func<Article, Article>> Plus(Expression<Func<Article, Article>> projection, string member)
    {
        var init = (MemberInitExpression)projection.Body;
        var source = projection.Parameters[0];
        var property = typeof(Article).GetProperty(member)!;
        var binding = Expression.Bind(property, Expression.Property(source, property));
        return Expression.Lambda<Func<Article, Article>>(init.Update(init.NewExpression, [.. init.Bindings, binding]), source);
    }
}
