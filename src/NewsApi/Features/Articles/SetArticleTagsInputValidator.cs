using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Validation;

namespace NewsApi.Features.Articles;

public sealed class SetArticleTagsInputValidator : AbstractValidator<SetArticleTagsInput>
{
    public SetArticleTagsInputValidator(IDbContextFactory<NewsDbContext> contexts)
    {
        RuleFor(p => p.Id).IsArticleId();
        RuleFor(p => p.ExpectedVersion).GreaterThan(0).When(p => p.ExpectedVersion is not null);
        RuleFor(p => p.TagSlugs).ExistingSlugs(nameof(SetArticleTagsInput.TagSlugs), ArticleContentValidator.MaxTags, async (slugs, cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return [.. await db.Tags.Where(t => slugs.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(cancellationToken)];
        });
    }
}
