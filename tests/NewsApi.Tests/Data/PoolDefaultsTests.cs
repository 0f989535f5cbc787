using NewsApi.Data;
using Npgsql;

namespace NewsApi.Tests.Data;

public sealed class PoolDefaultsTests
{
    [Test]
    public void A_postgres_connection_string_without_pool_settings_gets_auto_prepare_and_no_reset()
    {
        var result = new NpgsqlConnectionStringBuilder(DataRegistration.WithPoolDefaults("Host=db;Database=news;Username=news"));

        Assert.That(result.MaxAutoPrepare, Is.EqualTo(64));
        Assert.That(result.AutoPrepareMinUsages, Is.EqualTo(2));
        Assert.That(result.NoResetOnClose, Is.True);
        Assert.That(result.Host, Is.EqualTo("db"));
    }

    [Test]
    public void Pool_settings_in_the_connection_string_win()
    {
        var result = new NpgsqlConnectionStringBuilder(
            DataRegistration.WithPoolDefaults("Host=db;Database=news;max auto prepare=0;AutoPrepareMinUsages=5;No Reset On Close=false"));

        Assert.That(result.MaxAutoPrepare, Is.EqualTo(0));
        Assert.That(result.AutoPrepareMinUsages, Is.EqualTo(5));
        Assert.That(result.NoResetOnClose, Is.False);
    }
}
