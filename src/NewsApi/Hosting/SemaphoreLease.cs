namespace NewsApi.Hosting;

/// <summary>A slot taken from a <see cref="SemaphoreSlim"/>; disposing it gives the slot back, once however often it is disposed.</summary>
public sealed class SemaphoreLease(SemaphoreSlim semaphore) : IDisposable
{
    private int released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            semaphore.Release();
        }
    }
}
