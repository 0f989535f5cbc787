namespace NewsApi.Features.Sync;

public enum ChangeKind
{
    Upsert,
    Delete,
}
