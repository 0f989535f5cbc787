using FluentValidation;

namespace NewsApi.Features.Articles;

public sealed class ArticleTransitionInputValidator : AbstractValidator<ArticleTransitionInput>
{
    public ArticleTransitionInputValidator()
    {
        RuleFor(p => p.Id).IsArticleId();
        RuleFor(p => p.ExpectedVersion).GreaterThan(0).When(p => p.ExpectedVersion is not null);
    }
}
