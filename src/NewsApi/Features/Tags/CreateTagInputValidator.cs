using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Validation;

namespace NewsApi.Features.Tags;

public sealed class CreateTagInputValidator : AbstractValidator<CreateTagInput>
{
    public CreateTagInputValidator(IDbContextFactory<NewsDbContext> contexts)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(ContentLimits.NameLength);
        RuleFor(x => x.NameEn).MaximumLength(ContentLimits.NameLength);
        RuleFor(x => x.Description).MaximumLength(ContentLimits.DescriptionLength);
        RuleFor(x => x.Slug).MaximumLength(ContentLimits.SlugLength).IsSlug();
        RuleFor(x => x.Slug)
            .MustAsync(async (slug, cancellationToken) =>
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                return !await db.Tags.AnyAsync(x => x.Slug == slug, cancellationToken);
            })
            .When(x => x.Slug is not null)
            .WithUserError(UserErrorCodes.Duplicate);
    }
}
