namespace NewsApi.Features.Import;

public static class ImportRegistration
{
    public static WebApplicationBuilder AddPageImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PageImporter>();
        return builder;
    }
}
