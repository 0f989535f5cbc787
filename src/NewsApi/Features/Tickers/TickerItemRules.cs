using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Validation;

namespace NewsApi.Features.Tickers;

internal static class TickerItemRules
{
    public static void LinkedArticleExists<T>(this IRuleBuilder<T, string?> rule, IDbContextFactory<NewsDbContext> contexts) =>
        rule.IsIdOf(ArticleGraphType.TypeName)
            .MustAsync(async (id, cancellationToken) =>
            {
                if (id is null || !GlobalId.TryDecode(id, out _, out var key))
                {
                    return true;
                }

                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                return await db.Articles.AnyAsync(a => a.Id == key, cancellationToken);
            })
            .WithUserError(UserErrorCodes.NotFound);
}
