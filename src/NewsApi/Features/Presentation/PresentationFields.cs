using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using NewsApi.Graph;

namespace NewsApi.Features.Presentation;

/// <summary>Field builders for text and dates prepared for Arabic front ends, so no client has to do it itself.</summary>
public static class PresentationFields
{
    public const int MinExcerpt = 10;
    public const int MaxExcerpt = 2000;

    /// <summary>Adds <paramref name="name"/>: the date of <paramref name="value"/> written for readers.</summary>
    public static void AddDisplayDate<TSource>(this ObjectGraphType<TSource> type, string name, string what, Func<TSource, DateTime?> value)
    {
        type.Field<StringGraphType>(name)
            .Description($"{what}, written for readers: relative (\"منذ ٥ دقائق\"), long or ISO, Gregorian or Hijri, in Arabic or English, with Latin or Arabic-Indic digits.")
            .Argument<DateFormatGraphType>("format", "How to write it.", argument => argument.DefaultValue = DateStyle.Relative)
            .Argument<CalendarGraphType>("calendar", "Calendar of a LONG date.", argument => argument.DefaultValue = CalendarSystem.Gregorian)
            .Argument<StringGraphType>("locale", "\"ar\" or \"en\".", argument => argument.DefaultValue = "ar")
            .Argument<DigitsGraphType>("digits", "Latin or Arabic-Indic digits.", argument => argument.DefaultValue = DigitShape.Latin)
            .Resolve(context =>
            {
                var locale = context.GetArgument("locale", "ar");
                if (!DisplayDates.IsSupportedLocale(locale))
                {
                    throw new ApiError(ErrorCodes.BadUserInput, $"`locale` must be \"ar\" or \"en\"; it was \"{GlobalId.Truncate(locale)}\".");
                }

                if (value(context.Source) is not { } utc)
                {
                    return null;
                }

                var services = context.RequestServices!;
                var zone = services.GetRequiredService<IOptions<PresentationOptions>>().Value.Zone;
                return DisplayDates.Format(
                    utc,
                    services.GetRequiredService<PublicClock>().Now,
                    context.GetArgument("format", DateStyle.Relative),
                    context.GetArgument("calendar", CalendarSystem.Gregorian),
                    locale,
                    context.GetArgument("digits", DigitShape.Latin),
                    zone);
            });
    }

    /// <summary>A text field with a bidi argument: as written, or with its left-to-right runs isolated.</summary>
    public static void AddDisplayText<TSource>(this ObjectGraphType<TSource> type, string name, string description, Func<TSource, string?> value, bool nullable = false)
    {
        var field = nullable ? type.Field<StringGraphType>(name) : type.Field<NonNullGraphType<StringGraphType>>(name);
        field.Description(description)
            .Argument<BidiGraphType>("bidi", "ISOLATE wraps Latin runs and numbers in Unicode isolates for display inside right-to-left text.", argument => argument.DefaultValue = BidiMode.None)
            .Argument<IntGraphType>("maxLength", $"Cut at a word boundary to at most this many characters ({MinExcerpt}–{MaxExcerpt}), ending in \"{Excerpts.Ellipsis}\".")
            .Resolve(context =>
            {
                if (value(context.Source) is not { } text)
                {
                    return null;
                }

                if (context.GetArgument<int?>("maxLength") is { } maxLength)
                {
                    if (maxLength is < MinExcerpt or > MaxExcerpt)
                    {
                        throw new ApiError(ErrorCodes.BadUserInput, $"`maxLength` must be between {MinExcerpt} and {MaxExcerpt}.");
                    }

                    text = Excerpts.Cut(text, maxLength);
                }

                return context.GetArgument("bidi", BidiMode.None) == BidiMode.Isolate ? BidiText.Isolate(text) : text;
            });
    }
}
