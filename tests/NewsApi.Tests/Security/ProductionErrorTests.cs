using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>In the Production environment errors tell the client its code and a correlation id, and nothing about us.</summary>
[TestFixture(TestStore.Sqlite)]
[NonParallelizable]
public sealed class ProductionErrorTests(TestStore store) : StoreFixture(store)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["environment"] = "Production" };

    [Test]
    public async Task A_fault_in_a_resolver_shows_a_correlation_id_and_no_exception_text()
    {
        await using (var db = await CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE ticker_items RENAME TO ticker_items_away");
        }

        GraphQLResponse response;
        try
        {
            response = await Client.PostAsync("{ ticker { headline } }");
        }
        finally
        {
            await using var db = await CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE ticker_items_away RENAME TO ticker_items");
        }

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INTERNAL_SERVER_ERROR" }), response.Body);
        var error = response.Errors[0];
        Assert.That(error.GetProperty("extensions").GetProperty("correlationId").GetString(), Is.Not.Empty);
        Assert.That(response.Body, Does.Not.Contain("ticker_items").And.Not.Contain("SQLite").And.Not.Contain("Exception").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Over_a_websocket_a_fault_in_a_resolver_shows_a_correlation_id_and_no_exception_text()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);
        await using (var db = await CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE ticker_items RENAME TO ticker_items_away");
        }

        string body;
        try
        {
            await client.SubscribeAsync("q", "{ ticker { headline } }");
            using var next = await client.ReceiveAsync();
            body = next!.RootElement.GetRawText();
        }
        finally
        {
            await using var db = await CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE ticker_items_away RENAME TO ticker_items");
        }

        using var message = System.Text.Json.JsonDocument.Parse(body);
        var error = message.RootElement.GetProperty("payload").GetProperty("errors")[0];
        Assert.That(error.GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("INTERNAL_SERVER_ERROR"), body);
        Assert.That(error.GetProperty("extensions").GetProperty("correlationId").GetString(), Does.EndWith(":q"));
        Assert.That(body, Does.Not.Contain("ticker_items").And.Not.Contain("SQLite").And.Not.Contain("Exception").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Over_a_websocket_validation_messages_suggest_no_field_names()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);

        await client.SubscribeAsync("v", "{ tickr { headline } }");

        using var error = await client.ReceiveAsync();
        var body = error!.RootElement.GetRawText();
        Assert.That(error.RootElement.GetProperty("type").GetString(), Is.EqualTo("error"), body);
        Assert.That(error.RootElement.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("FIELDS_ON_CORRECT_TYPE"));
        Assert.That(body, Does.Not.Contain("Did you mean").And.Not.Contain("'ticker'"));
    }

    [Test]
    public async Task Introspection_is_refused_to_anonymous_callers_but_typename_works()
    {
        var schema = await Client.PostAsync("{ __schema { types { name } } }");
        var type = await Client.PostAsync("""{ __type(name: "Article") { fields { name } } }""");
        var typename = await Client.PostAsync("{ __typename ticker(first: 1) { __typename } }");

        Assert.That(schema.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(schema.ErrorCodes, Is.EqualTo(new[] { "NO_INTROSPECTION" }));
        Assert.That(type.ErrorCodes, Is.EqualTo(new[] { "NO_INTROSPECTION" }));
        Assert.That(typename.Errors, Is.Empty, typename.Body);
        Assert.That(typename.Data.GetProperty("__typename").GetString(), Is.EqualTo("Query"));
    }

    [Test]
    public async Task Introspection_a_key_holder_ran_again_and_again_is_still_refused_to_anonymous_callers()
    {
        const string query = "{ __schema { queryType { name } } }";
        var keyed = ClientWithKey(await CreateKeyAsync("introspecting-partner", NewsApi.Data.Entities.ApiRole.Partner));
        for (var i = 0; i < 3; i++)
        {
            var allowed = await keyed.PostAsync(query);
            Assert.That(allowed.Errors, Is.Empty, allowed.Body);
        }

        var anonymous = await Client.PostAsync(query);

        Assert.That(anonymous.ErrorCodes, Is.EqualTo(new[] { "NO_INTROSPECTION" }));
    }

    [Test]
    public async Task Validation_messages_suggest_no_field_names()
    {
        var response = await Client.PostAsync("{ tickr { headline } articles(first: 1) { nodez { id } } }");

        Assert.That(response.ErrorCodes, Is.All.EqualTo("FIELDS_ON_CORRECT_TYPE"));
        Assert.That(response.Body, Does.Not.Contain("Did you mean").And.Not.Contain("\"ticker\"").And.Not.Contain("'ticker'").And.Not.Contain("'nodes'"));
    }
}
