namespace NewsApi.Features.Live;

/// <summary>Ends a live feed whose reader fell too far behind.</summary>
public sealed class SlowSubscriberException() : Exception("The subscriber fell too far behind and was disconnected; reconnect with `since` to catch up.");
