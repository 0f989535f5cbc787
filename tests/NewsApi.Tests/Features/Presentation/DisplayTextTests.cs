using NewsApi.Features.Presentation;

namespace NewsApi.Tests.Features.Presentation;

public sealed class DisplayTextTests
{
    [TestCase("ترامب يعترف", "ترامب يعترف")]
    [TestCase("ترامب Trump يعترف", "ترامب \u2066Trump\u2069 يعترف")]
    [TestCase("صحيفة Wall Street Journal: الخبر", "صحيفة \u2066Wall Street Journal\u2069: الخبر")]
    [TestCase("طائرات F-16 في 2026", "طائرات \u2066F-16\u2069 في \u20662026\u2069")]
    [TestCase("نسبة 45% من الأصوات", "نسبة \u206645%\u2069 من الأصوات")]
    public void Isolating_wraps_latin_runs_and_numbers_inside_arabic(string text, string expected)
    {
        Assert.That(BidiText.Isolate(text), Is.EqualTo(expected));
    }

    [Test]
    public void Isolating_twice_changes_nothing_more()
    {
        var once = BidiText.Isolate("ترامب Trump 2026");

        Assert.That(BidiText.Isolate(once), Is.EqualTo(once));
    }

    [Test]
    public void An_excerpt_is_cut_at_a_word_boundary_with_the_newsrooms_ellipsis()
    {
        // The sample page's own ticker cuts this sentence the same way.
        const string text = "دعا الأمين العام للمقاومة الإسلامية/ حركة النجباء الشيخ اكرم الكعبي إلى إخراج القوات";

        var excerpt = Excerpts.Cut(text, 50);

        Assert.That(excerpt, Is.EqualTo("دعا الأمين العام للمقاومة الإسلامية/ حركة..."));
        Assert.That(excerpt, Has.Length.LessThanOrEqualTo(50));
    }

    [Test]
    public void An_excerpt_drops_a_trailing_arabic_comma_before_the_ellipsis()
    {
        Assert.That(Excerpts.Cut("أكد مستشار الأمن القومي الإسرائيلي، اليوم عدم السعي", 40), Is.EqualTo("أكد مستشار الأمن القومي الإسرائيلي..."));
    }

    [Test]
    public void A_short_text_is_left_whole()
    {
        Assert.That(Excerpts.Cut("خبر قصير", 50), Is.EqualTo("خبر قصير"));
    }

    [Test]
    public void A_single_long_word_is_not_cut_inside_a_letter_and_its_diacritics()
    {
        var word = string.Concat(Enumerable.Repeat("بِّ", 20));

        var excerpt = Excerpts.Cut(word, 12);

        Assert.That(excerpt[..^Excerpts.Ellipsis.Length].Length % 3, Is.Zero);
    }
}
