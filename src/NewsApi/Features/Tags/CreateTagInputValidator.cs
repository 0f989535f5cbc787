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
        RuleFor(x => x.Slug).IsUnusedSlug(contexts, SluggedTable.Tags);
    }
}
