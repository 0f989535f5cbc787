using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Tickers;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class TickerMutationTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task A_stale_ticker_version_is_a_conflict()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var created = await editor.PostAsync("mutation { createTickerItem(input: { headline: \"عاجل\" }) { tickerItem { id version } } }");
        var id = created.Data.GetProperty("createTickerItem").GetProperty("tickerItem").GetProperty("id").GetString();
        const string update = "mutation($id: ID!, $headline: String) { updateTickerItem(input: { id: $id, expectedVersion: 1, headline: $headline }) { tickerItem { version } userErrors { code } } }";

        var first = await editor.PostAsync(update, new { id, headline = "عاجل أول" });
        var second = await editor.PostAsync(update, new { id, headline = "عاجل ثان" });

        Assert.That(first.Data.GetProperty("updateTickerItem").GetProperty("tickerItem").GetProperty("version").GetInt32(), Is.EqualTo(2));
        Assert.That(second.Data.GetProperty("updateTickerItem").GetProperty("userErrors")[0].GetProperty("code").GetString(), Is.EqualTo("CONFLICT"));
    }
}
