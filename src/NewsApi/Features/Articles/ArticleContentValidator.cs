using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Validation;

namespace NewsApi.Features.Articles;

/// <summary>Rules for the fields createArticle and updateArticle share; absent (null) fields are left alone.</summary>
public sealed partial class ArticleContentValidator : AbstractValidator<IArticleContent>
{
    public const int MaxTags = 20;
    public const int MaxAuthors = 20;
    public const int MaxBlocks = 500;

    public ArticleContentValidator(IDbContextFactory<NewsDbContext> contexts)
    {
        RuleFor(a => a.Headline).MaximumLength(ContentLimits.HeadlineLength);
        RuleFor(a => a.Standfirst).MaximumLength(ContentLimits.StandfirstLength);
        RuleFor(a => a.Body!.Count).LessThanOrEqualTo(MaxBlocks).When(a => a.Body is not null).OverridePropertyName("Body")
            .WithUserError(UserErrorCodes.TooMany, values: [("PropertyName", "body"), ("Max", MaxBlocks)]);
        RuleForEach(a => a.Body).SetValidator(new BlockInputValidator());
        RuleFor(a => a.Lang).NotEmpty().When(a => a.Lang is not null);
        RuleFor(a => a.Lang).MaximumLength(ContentLimits.LangLength)
            .Matches(LanguageTag()).WithUserError(UserErrorCodes.InvalidValue);
        RuleFor(a => a.Slug).MaximumLength(ContentLimits.SlugLength).IsSlug();
        RuleFor(a => a.HeroImage!).SetValidator(new ImageInputValidator()).When(a => a.HeroImage is not null);
        RuleFor(a => a.CanonicalUrl).MaximumLength(ContentLimits.UrlLength).IsAbsoluteUrl();
        RuleFor(a => a.SourceName).MaximumLength(ContentLimits.NameLength);
        RuleFor(a => a.SourceUrl).MaximumLength(ContentLimits.UrlLength).IsAbsoluteUrl();

        RuleFor(a => a.SectionSlug)
            .MustAsync(async (slug, cancellationToken) =>
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                return await db.Sections.AnyAsync(s => s.Slug == slug, cancellationToken);
            })
            .When(a => a.SectionSlug is not null)
            .WithUserError(UserErrorCodes.NotFound);
        RuleFor(a => a.TagSlugs).ExistingSlugs(nameof(IArticleContent.TagSlugs), MaxTags, async (slugs, cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return [.. await db.Tags.Where(t => slugs.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(cancellationToken)];
        });
        RuleFor(a => a.AuthorSlugs).ExistingSlugs(nameof(IArticleContent.AuthorSlugs), MaxAuthors, async (slugs, cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return [.. await db.Authors.Where(t => slugs.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(cancellationToken)];
        });
    }

    /// <summary>BCP 47 in the shape newsrooms use: "ar", "en", "ar-IQ", "zh-Hant".</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();
}
