using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Presentation;

[TestFixture(TestStore.Sqlite)]
public sealed class PresentationFieldTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task Ticker_fields_come_prepared_for_an_arabic_front_end()
    {
        var response = await Client.PostAsync("""
            { ticker(first: 1) { excerpt(maxLength: 30) startsAtText(digits: ARABIC_INDIC) headline(bidi: ISOLATE) } }
            """);

        var item = response.Data.GetProperty("ticker")[0];
        Assert.That(item.GetProperty("excerpt").GetString(), Is.EqualTo("دعا الأمين العام للمقاومة..."));
        Assert.That(item.GetProperty("startsAtText").GetString(), Does.StartWith("منذ"));
        Assert.That(item.GetProperty("startsAtText").GetString(), Does.Not.Match("[0-9]"));
    }

    [Test]
    public async Task An_unsupported_locale_is_refused()
    {
        var response = await Client.PostAsync("""{ ticker(first: 1) { startsAtText(locale: "fr") } }""");

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "BAD_USER_INPUT" }));
    }

    [TestCase(5)]
    [TestCase(5000)]
    public async Task An_excerpt_length_outside_the_range_is_refused(int maxLength)
    {
        var response = await Client.PostAsync("query($n: Int) { ticker(first: 1) { excerpt(maxLength: $n) } }", new { n = maxLength });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "BAD_USER_INPUT" }));
    }
}
