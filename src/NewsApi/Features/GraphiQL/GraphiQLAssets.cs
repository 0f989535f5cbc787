using System.Collections.Frozen;

namespace NewsApi.Features.GraphiQL;

/// <summary>
/// The IDE's page and scripts, embedded in the assembly: GraphiQL, React and graphql-ws bundles copied from the
/// npm packages pinned by this folder's package-lock.json at build time, so the page loads nothing from elsewhere.
/// </summary>
internal sealed class GraphiQLAssets
{
    public const string ResourcePrefix = "NewsApi.GraphiQL.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["start.js"] = "text/javascript; charset=utf-8",
        ["react.production.min.js"] = "text/javascript; charset=utf-8",
        ["react-dom.production.min.js"] = "text/javascript; charset=utf-8",
        ["graphql-ws.min.js"] = "text/javascript; charset=utf-8",
        ["graphiql.min.js"] = "text/javascript; charset=utf-8",
        ["graphiql.min.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, byte[]> files;

    public GraphiQLAssets()
    {
        var assembly = typeof(GraphiQLAssets).Assembly;
        var loaded = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in ContentTypes.Keys)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"The GraphiQL asset '{name}' is not embedded; the build copies it from Features/GraphiQL/node_modules.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            loaded[name] = copy.ToArray();
        }

        files = loaded.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryGet(string name, out byte[] content, out string contentType)
    {
        content = [];
        contentType = string.Empty;
        if (!files.TryGetValue(name, out var found) || !ContentTypes.TryGetValue(name, out var type))
        {
            return false;
        }

        content = found;
        contentType = type;
        return true;
    }
}
