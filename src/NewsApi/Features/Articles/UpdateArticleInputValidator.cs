using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Graph;
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
        RuleFor(a => a.Slug)
            .MustAsync(async (input, slug, cancellationToken) =>
            {
                GlobalId.TryDecode(input.Id, out _, out var id);
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                return !await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != id, cancellationToken);
            })
            .When(a => a.Slug is not null)
            .WithUserError(UserErrorCodes.Duplicate);
    }
}
