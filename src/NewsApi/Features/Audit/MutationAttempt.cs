using NewsApi.Security;

namespace NewsApi.Features.Audit;

/// <summary>
/// One run of a mutation's write (a write-conflict retry is a new attempt), carried with the async flow so that
/// <see cref="AuditEntryWriter"/> can put the attempt's audit entry into the transaction of the change itself:
/// the editors need to know nothing about auditing, as they know nothing about the event log.
/// </summary>
public sealed class MutationAttempt : IDisposable
{
    private static readonly AsyncLocal<MutationAttempt?> Ambient = new();

    private readonly MutationAttempt? outer;

    // Work the attempt started in the background still carries it in its async flow; once over it claims no save.
    private volatile bool ended;

    private MutationAttempt(string operation, Caller caller, object? input, Type resultType)
    {
        Operation = operation;
        Caller = caller;
        Input = input;
        ResultType = resultType;
        outer = Ambient.Value;
    }

    /// <summary>The attempt the current code runs in, if any and not yet over.</summary>
    public static MutationAttempt? Current => Ambient.Value is { ended: false } attempt ? attempt : null;

    public string Operation { get; }

    public Caller Caller { get; }

    public object? Input { get; }

    /// <summary>What the mutation returns (Article, Tag…): a row of this type that the save adds is the entry's target.</summary>
    public Type ResultType { get; }

    /// <summary>The entry was written in the change's transaction: it commits or rolls back with the change.</summary>
    public bool Recorded { get; internal set; }

    public static MutationAttempt Begin(string operation, Caller caller, object? input, Type resultType)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(resultType);
        var attempt = new MutationAttempt(operation, caller, input, resultType);
        Ambient.Value = attempt;
        return attempt;
    }

    public void Dispose()
    {
        ended = true;
        Ambient.Value = outer;
    }
}
