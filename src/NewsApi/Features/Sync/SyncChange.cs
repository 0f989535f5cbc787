namespace NewsApi.Features.Sync;

/// <summary>One entry of a sync page: the object as it is now, or a tombstone when a reader may no longer see it.</summary>
public sealed record SyncChange(long Sequence, ChangeKind Kind, string Type, int EntityId, DateTime At, object? Node);
