using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Authors;
using NewsApi.Features.Sections;
using NewsApi.Features.Tags;
using NewsApi.Features.Tickers;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Audit;

/// <summary>
/// One audit entry per mutation attempt. An attempt that changed something has its entry written inside the change's
/// transaction (<see cref="AuditEntryWriter"/>); one that changed nothing (refused, user errors, failed, or a change
/// that turned out to be none) is recorded here afterwards, in a context of its own: no content was written, but the
/// attempt is still on record.
/// </summary>
public sealed partial class AuditTrail(IDbContextFactory<NewsDbContext> contexts, TimeProvider clock, ILogger<AuditTrail> logger)
{
    public const string Ok = "ok";
    public const string UserErrors = "user_errors";
    public const string Error = "error";

    public async Task RecordAsync(string operation, Caller caller, string? targetId, string outcome, string? detail)
    {
        // Not the request's token: a client that hangs up after its mutation ran must not erase the record of it.
        var entry = NewEntry(clock.GetUtcNow().UtcDateTime, operation, caller, targetId, outcome, detail);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception) when (DatabaseReadiness.IsUnavailableFault(exception))
        {
            // Nothing was written, and the answer (refusal, user errors, the failure) is already decided: the database
            // going away now must not replace it. The entry goes to the log.
            LogEntryNotStored(logger, entry.Operation, entry.ActorName, entry.TargetId, entry.Outcome, exception.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error,
        Message = "Audit entry not stored, the database is unavailable: {Operation} by {Actor} on {Target}, {Outcome} ({Reason})")]
    private static partial void LogEntryNotStored(ILogger logger, string operation, string? actor, string? target, string outcome, string reason);

    public static AuditEntry NewEntry(DateTime at, string operation, Caller caller, string? targetId, string outcome, string? detail)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new AuditEntry
        {
            At = at,
            ActorName = caller.KeyName,
            ActorRole = caller.Role is { } role ? RoleNames.Of(role) : null,
            Operation = operation,
            TargetId = targetId,
            Outcome = outcome,
            Detail = detail is { Length: > ContentLimits.CaptionLength } ? detail[..ContentLimits.CaptionLength] : detail,
        };
    }

    /// <summary>The global ID of what a mutation changed, or of what its input named (id, else fromId).</summary>
    public static string? TargetOf(object? result, object? input) => result switch
    {
        Article article => GlobalId.Encode(ArticleGraphType.TypeName, article.Id),
        TickerItem item => GlobalId.Encode(TickerItemGraphType.TypeName, item.Id),
        Tag tag => GlobalId.Encode(TagGraphType.TypeName, tag.Id),
        Section section => GlobalId.Encode(SectionGraphType.TypeName, section.Id),
        Author author => GlobalId.Encode(AuthorGraphType.TypeName, author.Id),
        string id => id,
        _ => InputTarget(input),
    };

    private static string? InputTarget(object? input)
    {
        var type = input?.GetType();
        var property = type?.GetProperty("Id") ?? type?.GetProperty("FromId");
        return property?.GetValue(input) as string;
    }
}
