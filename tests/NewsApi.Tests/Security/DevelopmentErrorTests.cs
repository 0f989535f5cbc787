using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>Outside Production the API helps its developers: suggestions stay, introspection is open.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class DevelopmentErrorTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task Validation_messages_keep_their_suggestions()
    {
        var response = await Client.PostAsync("{ tickr { headline } }");

        Assert.That(response.Body, Does.Contain("Did you mean"));
    }

    [Test]
    public async Task Introspection_is_open()
    {
        var response = await Client.PostAsync("{ __schema { queryType { name } } }");

        Assert.That(response.Errors, Is.Empty, response.Body);
    }
}
