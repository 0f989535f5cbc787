namespace NewsApi.Validation;

/// <summary>Puts request localisation in front of the pipeline, so Program.cs stays a list of Add/Map calls.</summary>
internal sealed class RequestCultureStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseRequestLocalization();
        next(app);
    };
}
