using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Validation;

namespace NewsApi.Features.Articles;

public sealed class UpdateArticleInputValidator : AbstractValidator<UpdateArticleInput>
{
    public UpdateArticleInputValidator(IDbContextFactory<NewsDbContext> contexts)
    {
        RuleFor(a => a.Id).IsArticleId();
        RuleFor(a => a.ExpectedVersion).GreaterThan(0);
        RuleFor(a => a.Headline).NotEmpty().When(a => a.Headline is not null);
        Include(new ArticleContentValidator(contexts));
        RuleFor(a => a.Slug).IsUnusedSlug(contexts, SluggedTable.Articles, a => a.Id);
    }
}
