using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Validation;

namespace NewsApi.Features.Articles;

public sealed class CreateArticleInputValidator : AbstractValidator<CreateArticleInput>
{
    public CreateArticleInputValidator(IDbContextFactory<NewsDbContext> contexts)
    {
        RuleFor(a => a.Headline).NotEmpty();
        Include(new ArticleContentValidator(contexts));

        // A slug the editor chose is theirs to fix; one made from the headline gets a suffix instead (ArticleEditor).
        RuleFor(a => a.Slug).IsUnusedSlug(contexts, SluggedTable.Articles);
    }
}
