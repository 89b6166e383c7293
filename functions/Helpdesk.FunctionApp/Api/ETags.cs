using System.Globalization;

namespace Helpdesk.FunctionApp.Api;

/// <summary>Strong ETags carry the resource's version (<c>"7"</c>). Writes need <c>If-Match</c>: missing → 428, not the
/// current version → 412 (checked again inside the store's write, so two writers with the same ETag never both win).</summary>
public static class ETags
{
    public static string Format(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void Set(HttpResponse response, int version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Format(version);
    }

    /// <summary>The version named by If-Match, or a problem result (428 when absent or <c>*</c>, 412 when unreadable).</summary>
    public static (int? Version, IResult? Problem) ReadIfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return (null, Problems.PreconditionRequired());
        }

        // A list may name several ETags; this API's writes act on one version, so take the first strong one.
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Length > 2 && part[0] == '"' && part[^1] == '"' &&
                int.TryParse(part.AsSpan(1, part.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return (version, null);
            }
        }

        return (null, Problems.PreconditionFailed("A ETag enviada em If-Match não é deste recurso (use a ETag forte da última leitura)."));
    }
}
