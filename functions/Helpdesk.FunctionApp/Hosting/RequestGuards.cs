using System.Globalization;
using Helpdesk.FunctionApp.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// Checks every request meets before it reaches an endpoint: no dot segments hidden by percent-encoding (which
/// would let <c>/api/tickets/%2e%2e/mailbox/messages</c> reach another route), and each endpoint's body limit
/// (<see cref="IRequestSizeLimitMetadata"/>, e.g. <see cref="IntakeBodyBytes"/>), answered 413 as problem details, never 500.
/// </summary>
public static class RequestGuards
{
    /// <summary>Bodies of the anonymous intake (<c>POST /api/tickets</c>) and of the public form.</summary>
    public const long IntakeBodyBytes = 256 * 1024;

    /// <summary>A batch of Graph change notifications.</summary>
    public const long GraphNotificationBodyBytes = 1024 * 1024;

    public static void UseRequestGuards(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (HasDotSegment(context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty))
            {
                await Problems.BadRequest("O caminho da requisição contém segmentos '.' ou '..' (também codificados como %2e): não é aceito.")
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            if (limit is { } max)
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                {
                    feature.MaxRequestBodySize = max;
                }

                if (context.Request.ContentLength > max)
                {
                    await TooLarge(context, max).ConfigureAwait(false);
                    return;
                }
            }

            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                context.Response.Clear();
                await TooLarge(context, limit).ConfigureAwait(false);
            }
        });
    }

    /// <summary>True when the path of a request target has a <c>.</c> or <c>..</c> segment, literally or percent-encoded.</summary>
    public static bool HasDotSegment(string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? rawTarget[..query] : rawTarget;
        if (path.Contains("%2e", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "." or "..")
            {
                return true;
            }
        }

        return false;
    }

    private static Task TooLarge(HttpContext context, long? limit)
    {
        var detail = limit is { } max
            ? string.Create(CultureInfo.InvariantCulture, $"O corpo da requisição passa do limite de {max / 1024} KB deste endereço.")
            : "O corpo da requisição passa do limite deste endereço.";
        return Problems.TooLarge(detail).ExecuteAsync(context);
    }
}
