using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Helpdesk.FunctionApp.Web;

/// <summary>
/// The stylesheet and scripts, embedded in the assembly so that they are served from under the route prefix with no
/// dependency on the working directory the Functions host gives the handler.
/// </summary>
public static class WebAssets
{
    private static readonly FrozenDictionary<string, Asset> Files = Load();

    public static void MapWebAssets(this IEndpointRouteBuilder app) =>
        app.MapGet(WebRoutes.Assets + "/{name}", Serve).ExcludeFromDescription();

    /// <summary>The URL of an asset, with its content hash so that browsers can cache it for ever.</summary>
    public static string Url(string name) =>
        Files.TryGetValue(name, out var asset) ? $"{WebRoutes.Assets}/{name}?v={asset.ETag.Trim('"')}" : throw new ArgumentException($"No asset named {name}.", nameof(name));

    private static IResult Serve(string name, HttpContext context)
    {
        if (!Files.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }

        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        const string prefix = "Helpdesk.FunctionApp.Web.Assets.";
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource[prefix.Length..];
            var contentType = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                ".png" => "image/png",
                _ => "application/octet-stream",
            };
            files[name] = new Asset(content, contentType, "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"");
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
