namespace NewsApi.Graph;

/// <summary>GraphQL.NET subscribes to IObservable; our event streams are async enumerables. Disposing the subscription cancels the enumeration.</summary>
public static class AsyncEnumerableObservable
{
    public static IObservable<T> ToObservable<T>(this IAsyncEnumerable<T> source) => new Observable<T>(source);

    private sealed class Observable<T>(IAsyncEnumerable<T> source) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer)
        {
            var cancellation = new CancellationTokenSource();
            _ = PumpAsync(observer, cancellation.Token);
            return new Subscription(cancellation);
        }

        private async Task PumpAsync(IObserver<T> observer, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var item in source.WithCancellation(cancellationToken))
                {
                    observer.OnNext(item);
                }

                observer.OnCompleted();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Unsubscribed: nobody is listening for the end.
            }
#pragma warning disable CA1031 // Every failure must reach the observer: it is the subscriber's only way to hear of it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                observer.OnError(exception);
            }
        }
    }

    private sealed class Subscription(CancellationTokenSource cancellation) : IDisposable
    {
        public void Dispose()
        {
            cancellation.Cancel();
            cancellation.Dispose();
        }
    }
}
