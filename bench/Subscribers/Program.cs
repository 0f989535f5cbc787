using NewsApi.Bench.Subscribers;

// N graphql-transport-ws subscribers to tickerChanged on one server, then M createTickerItem mutations one after
// another: for each, the time from sending it (and from its response, after the commit) to the last subscriber's
// receipt. Also the server's resident memory before and after the connections opened. Prints one RESULT line
// (tab-separated, read by bench/subscribers.sh) and a human summary on standard error.
//
// Usage: Subscribers --http http://127.0.0.1:PORT/graphql --key KEY --connections 1000 --mutations 50
//                    [--server-pid PID] [--gap-ms 200] [--timeout-s 30] [--open-parallel 64]
var options = BenchOptions.Parse(args);
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(options.MaxMinutes));
var run = new SubscriberRun(options);
var result = await run.ExecuteAsync(cancellation.Token);
Console.Out.WriteLine(result.ToResultLine());
Console.Error.WriteLine(result.ToSummary());
return result.Failures == 0 ? 0 : 1;
