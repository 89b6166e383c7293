using System.Text.Json;
using Helpdesk.Hosting.Metadata;

namespace Helpdesk.FunctionApp.Invocation;

/// <summary>Maps <c>POST /{FunctionName}</c> for every non-HTTP function of the catalogue to its handler.</summary>
public static partial class InvocationEndpoints
{
    public static void MapInvocationEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Embedded: only the runner, which knows the process's key, may invoke. Under the host: loopback port, host only.
        var embedded = Hosting.HostingModes.Detect(app.Configuration) == Hosting.HostingMode.Embedded;
        var key = embedded ? app.Services.GetRequiredService<InvocationKey>() : null;
        if (embedded)
        {
            // The embedded runner invokes from its first moment: a handler missing from the catalogue fails the start here.
            // Under the host the handlers are built after the server listens (FunctionHandlers, StartupWarmUp).
            _ = app.Services.GetRequiredService<FunctionHandlers>();
        }

        foreach (var function in FunctionCatalog.All.Where(f => f.Trigger is not HttpTrigger))
        {
            var name = function.Name;
            app.MapPost("/" + name, (HttpContext context, FunctionHandlers handlers, ILoggerFactory loggers) => InvokeAsync(context, handlers[name], key, loggers))
                .WithName("invoke-" + name)
                .ExcludeFromDescription();
        }
    }

    private static async Task InvokeAsync(HttpContext context, IFunctionHandler handler, InvocationKey? key, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Helpdesk.Invocation");
        if (key is not null && !key.Matches(context.Request.Headers[InvocationKey.Header]))
        {
            LogBadPayload(logger, handler.FunctionName, "no invocation key");
            await WriteFailureAsync(context, StatusCodes.Status403Forbidden, "Only the embedded runner invokes functions.").ConfigureAwait(false);
            return;
        }

        if (!context.Request.HasJsonContentType())
        {
            // A browser can be made to post text/plain or a form across sites, never application/json without a preflight.
            LogBadPayload(logger, handler.FunctionName, "not application/json");
            await WriteFailureAsync(context, StatusCodes.Status415UnsupportedMediaType, "The invocation body must be application/json.").ConfigureAwait(false);
            return;
        }

        InvocationRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<InvocationRequest>(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            LogBadPayload(logger, handler.FunctionName, ex.Message);
            await WriteFailureAsync(context, StatusCodes.Status400BadRequest, "The invocation body is not the host's JSON payload.").ConfigureAwait(false);
            return;
        }

        if (request is null)
        {
            await WriteFailureAsync(context, StatusCodes.Status400BadRequest, "The invocation body is empty.").ConfigureAwait(false);
            return;
        }

        try
        {
            var response = await handler.InvokeAsync(request, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
            await context.Response.WriteAsJsonAsync(response, context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidInvocationException ex)
        {
            // Never swallowed: a non-2xx answer fails the invocation, so that the platform retries and dead-letters.
            LogBadPayload(logger, handler.FunctionName, ex.Message);
            await WriteFailureAsync(context, StatusCodes.Status400BadRequest, ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, handler.FunctionName);
            await WriteFailureAsync(context, StatusCodes.Status500InternalServerError, ex.GetType().Name + ": " + ex.Message).ConfigureAwait(false);
        }
    }

    private static Task WriteFailureAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new InvocationResponse { Logs = [message] }, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invocation of {Function} rejected: {Problem}")]
    private static partial void LogBadPayload(ILogger logger, string function, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invocation of {Function} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
