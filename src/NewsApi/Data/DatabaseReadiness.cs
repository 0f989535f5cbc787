namespace NewsApi.Data;

/// <summary>
/// Whether the store has been brought up to date since the process started. Until it has, requests are refused with
/// SERVICE_UNAVAILABLE and /health/ready says 503, while /health/live keeps saying the process is up.
/// </summary>
public sealed class DatabaseReadiness
{
    private volatile bool initialized;
    private volatile string? lastFailure;

    public bool IsInitialized => initialized;

    /// <summary>Why the last attempt to bring the store up failed, for the readiness probe's description.</summary>
    public string? LastFailure => lastFailure;

    internal void MarkInitialized()
    {
        lastFailure = null;
        initialized = true;
    }

    internal void MarkFailed(string reason) => lastFailure = reason;
}
