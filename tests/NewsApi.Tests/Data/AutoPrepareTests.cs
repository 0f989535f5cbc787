using NewsApi.Data;
using Npgsql;

namespace NewsApi.Tests.Data;

public sealed class AutoPrepareTests
{
    [Test]
    public void A_postgres_connection_string_without_preparation_settings_gets_auto_prepare()
    {
        var result = new NpgsqlConnectionStringBuilder(DataRegistration.WithAutoPrepare("Host=db;Database=news;Username=news"));

        Assert.That(result.MaxAutoPrepare, Is.EqualTo(64));
        Assert.That(result.AutoPrepareMinUsages, Is.EqualTo(2));
        Assert.That(result.Host, Is.EqualTo("db"));
    }

    [Test]
    public void Preparation_settings_in_the_connection_string_win()
    {
        var result = new NpgsqlConnectionStringBuilder(
            DataRegistration.WithAutoPrepare("Host=db;Database=news;max auto prepare=0;AutoPrepareMinUsages=5"));

        Assert.That(result.MaxAutoPrepare, Is.EqualTo(0));
        Assert.That(result.AutoPrepareMinUsages, Is.EqualTo(5));
    }
}
