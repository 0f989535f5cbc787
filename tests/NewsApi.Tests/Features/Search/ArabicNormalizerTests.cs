using NewsApi.Features.Search;

namespace NewsApi.Tests.Features.Search;

public sealed class ArabicNormalizerTests
{
    [TestCase("أإآٱا", "ااااا")]
    [TestCase("مدرسة", "مدرسه")]
    [TestCase("مستشفى", "مستشفي")]
    [TestCase("مؤتمر رئيس", "موتمر رييس")]
    [TestCase("مَدْرَسَةٌ", "مدرسه")]
    [TestCase("الـــعـــراق", "العراق")]
    [TestCase("ٰالرحمٰن", "الرحمن")]
    [TestCase("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789")]
    [TestCase("Trump ISIS", "trump isis")]
    [TestCase("«قال»: نعم، (لا)؛ ربما؟ - هنا!", "قال نعم لا ربما هنا")]
    [TestCase("al-Qaeda's", "al qaeda s")]
    [TestCase("a\u200Fb\u200Cc", "abc")]
    [TestCase("", "")]
    public void Normalisation_maps_every_form_to_one_spelling(string text, string expected)
    {
        Assert.That(ArabicNormalizer.Normalize(text), Is.EqualTo(expected));
    }

    [TestCase("والأردن", "الأردن", "أردن")]
    [TestCase("وسوريا", "سوريا", "سوريا")]
    [TestCase("بالعراق", "العراقي", "عراق")]
    [TestCase("للمياه", "المياه", "مياه")]
    [TestCase("الأمريكية", "الأمريكي", "امريك")]
    [TestCase("وبغداد", "ببغداد", "بغداد")]
    public void Forms_of_one_word_meet_after_stemming(string first, string second, string third)
    {
        var stems = new[] { first, second, third }.Select(w => ArabicNormalizer.ToSearchText(w)).ToList();

        Assert.That(stems, Is.All.EqualTo(stems[0]));
    }

    [TestCase("وزير", "وزير")]
    [TestCase("بنت", "بنت")]
    [TestCase("غزة", "غزه")]
    [TestCase("لبنان", "بنان")]
    [TestCase("2026م", "2026م")]
    [TestCase("nations", "nations")]
    public void Stemming_never_cuts_below_three_letters_nor_touches_other_scripts(string word, string expected)
    {
        Assert.That(ArabicNormalizer.ToSearchText(word), Is.EqualTo(expected));
    }

    [Test]
    public void Word_spans_cover_marks_and_tatweel_inside_words()
    {
        var spans = ArabicNormalizer.Spans("قال: الـعِراق!").ToList();

        Assert.That(spans.Select(s => (s.Start, s.Length, s.Term)), Is.EqualTo(new[] { (0, 3, "قال"), (5, 8, "عراق") }));
    }
}
