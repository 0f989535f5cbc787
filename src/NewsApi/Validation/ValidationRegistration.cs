using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Localization;

namespace NewsApi.Validation;

public static class ValidationRegistration
{
    public static readonly CultureInfo[] MessageCultures = [new("en"), new("ar")];

    /// <summary>
    /// Every input validator of the assembly (scoped: some look rows up in the store), our messages, and the request's
    /// UI culture from Accept-Language. Only the UI culture changes: formatting stays invariant, so nothing that
    /// serialises numbers or dates starts writing Arabic-Indic digits.
    /// </summary>
    public static WebApplicationBuilder AddNewsValidation(this WebApplicationBuilder builder)
    {
        ValidatorOptions.Global.LanguageManager = new NewsLanguageManager();
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : ValidationResultExtensions.CamelCase(member.Name);
        builder.Services.AddValidatorsFromAssemblyContaining<NewsLanguageManager>(ServiceLifetime.Scoped, includeInternalTypes: true);

        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, MessageCultures[0]);
            options.SupportedCultures = [CultureInfo.InvariantCulture];
            options.SupportedUICultures = MessageCultures;
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
        builder.Services.AddTransient<IStartupFilter, RequestCultureStartupFilter>();
        return builder;
    }
}
