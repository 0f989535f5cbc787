namespace NewsApi.Features.Search;

/// <summary>
/// Bounds how many searches read a walk in two halves at once: one per core. A split walk buys one reader's latency
/// with a second connection and up to a quarter more reading, which pays only while a core would otherwise idle; with
/// every slot taken the server is busy, and a walk is read on its one connection. The bound also keeps a burst of
/// searches from holding two pooled connections each: with as many searches as the pool has connections, each would
/// hold one and wait for its second.
/// </summary>
public sealed class SplitWalkSlots
{
    private int taken;

    /// <summary>Takes a slot if one is free, without waiting.</summary>
    public bool TryTake()
    {
        if (Interlocked.Increment(ref taken) <= Environment.ProcessorCount)
        {
            return true;
        }

        Interlocked.Decrement(ref taken);
        return false;
    }

    public void Return() => Interlocked.Decrement(ref taken);
}
