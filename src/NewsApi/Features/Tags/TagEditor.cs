using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;
using NewsApi.Validation;

namespace NewsApi.Features.Tags;

/// <summary>Writes tags for createX/updateX; inputs arrive validated.</summary>
public sealed class TagEditor(IDbContextFactory<NewsDbContext> contexts, TimeProvider clock)
{
    public async Task<Payload<Tag>> CreateAsync(CreateTagInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new Tag
        {
            Slug = input.Slug ?? await UniqueSlug.AllocateAsync(db.Tags.Select(x => x.Slug), ArticleSlug.FromText(input.NameEn ?? input.Name), "tag", cancellationToken),
            Name = input.Name,
            NameEn = input.NameEn,
            Description = input.Description,
                Kind = input.Kind ?? TagKind.Topic,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Tags.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Payload<Tag>.Ok(row);
    }

    public async Task<Payload<Tag>> UpdateAsync(UpdateTagInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = GlobalId.Expect(TagGraphType.TypeName, input.Id);
        var row = await db.Tags.AsTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (row is null)
        {
            return Payload<Tag>.Failed(UserError.NotFound(["input", "id"], "tag", input.Id));
        }

        row.Name = input.Name ?? row.Name;
        row.Slug = input.Slug ?? row.Slug;
        row.NameEn = input.NameEn ?? row.NameEn;
        row.Description = input.Description ?? row.Description;
        if (input.Kind is { } kind)
        {
            row.Kind = kind;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Payload<Tag>.Ok(row);
    }
}
