using System.Net;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Hosting;

/// <summary>Liveness is the process; readiness is the database, reachable and migrated.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class HealthTests(TestStore store) : StoreFixture(store)
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task A_running_server_on_a_migrated_store_is_live_and_ready(string path)
    {
        using var response = await Client.Http.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }
}
