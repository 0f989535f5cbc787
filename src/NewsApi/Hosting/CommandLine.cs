using GraphQL.Types;
using NewsApi.Graph;

namespace NewsApi.Hosting;

/// <summary>
/// The binary serves by default; a first argument that names a command runs it instead:
/// <c>print-schema [path]</c> writes the SDL of the running schema (to schema.graphql by convention).
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--demo-articles"] = "Database:DemoArticles",
        ["--provider"] = "Database:Provider",
    };

    public static WebApplicationBuilder AddNewsCommandLine(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args.Where(a => !IsCommand(a)).ToArray(), Switches);
        return builder;
    }

    public static async Task<int> RunNewsApiAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "print-schema":
                var sdl = app.Services.GetRequiredService<ISchema>().PrintSchema();
                if (args.Length > 1)
                {
                    await File.WriteAllTextAsync(args[1], sdl);
                }
                else
                {
                    await Console.Out.WriteAsync(sdl);
                }

                return 0;

            default:
                await app.RunAsync();
                return 0;
        }
    }

    private static bool IsCommand(string arg) => arg is "print-schema";
}
