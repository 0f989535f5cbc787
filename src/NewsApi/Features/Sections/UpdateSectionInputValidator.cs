using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Graph;
using NewsApi.Validation;

namespace NewsApi.Features.Sections;

public sealed class UpdateSectionInputValidator : AbstractValidator<UpdateSectionInput>
{
    public UpdateSectionInputValidator(IDbContextFactory<NewsDbContext> contexts)
    {
        RuleFor(x => x.Id).IsIdOf(SectionGraphType.TypeName);
        RuleFor(x => x.Name).NotEmpty().When(x => x.Name is not null);
        RuleFor(x => x.Name).MaximumLength(ContentLimits.NameLength);
        RuleFor(x => x.NameEn).MaximumLength(ContentLimits.NameLength);
        RuleFor(x => x.Description).MaximumLength(ContentLimits.DescriptionLength);
        RuleFor(x => x.Slug).MaximumLength(ContentLimits.SlugLength).IsSlug();
        RuleFor(x => x.Slug).IsUnusedSlug(contexts, SluggedTable.Sections, x => x.Id);
    }
}
