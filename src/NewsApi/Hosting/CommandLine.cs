using GraphQL.Types;
using NewsApi.Features.Import;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Hosting;

/// <summary>
/// The binary serves by default; a first argument that names a command runs it instead:
/// <c>print-schema [path]</c> writes the SDL of the running schema (to schema.graphql by convention);
/// <c>keys create|list|revoke</c> manages API keys (see <see cref="KeyCommands"/>);
/// <c>import FILE [--source-url URL]</c> creates drafts from a news page (see <see cref="ImportCommand"/>).
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
        ArgumentNullException.ThrowIfNull(args);
        var command = args.FirstOrDefault();
        var configurationArgs = command switch
        {
            "keys" => args.Skip(1).Where(a => !a.StartsWith("--name", StringComparison.Ordinal) && !a.StartsWith("--role", StringComparison.Ordinal)),
            ImportCommand.Name => ImportCommand.ConfigurationArguments(args),
            _ => args.Where(a => !IsCommand(a)),
        };
        builder.Configuration.AddCommandLine(configurationArgs.ToArray(), Switches);

        if (IsCommand(command))
        {
            // A command's stdout is its output (a key, a schema); logs go to stderr so they never mix with it.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        return builder;
    }

    public static async Task<int> RunNewsApiAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
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

            case "keys":
                return await KeyCommands.RunAsync(app.Services, args[1..], Console.Out, Console.Error);

            case ImportCommand.Name:
                return await ImportCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error);

            default:
                await app.RunAsync();
                return 0;
        }
    }

    private static bool IsCommand(string? arg) => arg is "print-schema" or "keys" or ImportCommand.Name;
}
