using FluentValidation;
using NewsApi.Features.Articles;

namespace NewsApi.Features.Related;

public sealed class UnlinkRelatedStoryInputValidator : AbstractValidator<UnlinkRelatedStoryInput>
{
    public UnlinkRelatedStoryInputValidator()
    {
        RuleFor(l => l.FromId).IsArticleId();
        RuleFor(l => l.ToId).IsArticleId();
    }
}
