using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Graph;
using NewsApi.Validation;

namespace NewsApi.Features.Tags;

public sealed class UpdateTagInputValidator : AbstractValidator<UpdateTagInput>
{
    public UpdateTagInputValidator(IDbContextFactory<NewsDbContext> contexts)
    {
        RuleFor(x => x.Id).IsIdOf(TagGraphType.TypeName);
        RuleFor(x => x.Name).NotEmpty().When(x => x.Name is not null);
        RuleFor(x => x.Name).MaximumLength(ContentLimits.NameLength);
        RuleFor(x => x.NameEn).MaximumLength(ContentLimits.NameLength);
        RuleFor(x => x.Description).MaximumLength(ContentLimits.DescriptionLength);
        RuleFor(x => x.Slug).MaximumLength(ContentLimits.SlugLength).IsSlug();
        RuleFor(x => x.Slug).IsUnusedSlug(contexts, SluggedTable.Tags, x => x.Id);
    }
}
