using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Validation;

namespace NewsApi.Features.Authors;

/// <summary>Writes authors for createX/updateX; inputs arrive validated.</summary>
public sealed class AuthorEditor(IDbContextFactory<NewsDbContext> contexts)
{
    public async Task<Payload<Author>> CreateAsync(CreateAuthorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new Author
        {
            Slug = input.Slug ?? await UniqueSlug.AllocateAsync(db.Authors.Select(x => x.Slug), ArticleSlug.FromText(input.NameEn ?? input.Name), "author", cancellationToken),
            Name = input.Name,
            NameEn = input.NameEn,
            Description = input.Description,
        };
        db.Authors.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Payload<Author>.Ok(row);
    }

    public async Task<Payload<Author>> UpdateAsync(UpdateAuthorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = GlobalId.Expect(AuthorGraphType.TypeName, input.Id);
        var row = await db.Authors.AsTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (row is null)
        {
            return Payload<Author>.Failed(UserError.NotFound(["input", "id"], "author", input.Id));
        }

        row.Name = input.Name ?? row.Name;
        row.Slug = input.Slug ?? row.Slug;
        row.NameEn = input.NameEn ?? row.NameEn;
        row.Description = input.Description ?? row.Description;
        await db.SaveChangesAsync(cancellationToken);
        return Payload<Author>.Ok(row);
    }
}
