using FluentValidation;
using NewsApi.Features.Articles;
using NewsApi.Validation;

namespace NewsApi.Features.Related;

public sealed class ReorderRelatedStoriesInputValidator : AbstractValidator<ReorderRelatedStoriesInput>
{
    public ReorderRelatedStoriesInputValidator()
    {
        RuleFor(l => l.FromId).IsArticleId();
        RuleForEach(l => l.ToIds).IsArticleId();
        RuleFor(l => l.ToIds)
            .Must(ids => ids.Distinct(StringComparer.Ordinal).Count() == ids.Count)
            .WithUserError(UserErrorCodes.Duplicate, values: [("PropertyValue", "toIds"), ("PropertyName", "toIds")]);
    }
}
