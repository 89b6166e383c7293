namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// Middleware whose construction is deferred to the first request that reaches it. ASP.NET Core builds the whole
/// pipeline before the server listens, and some middleware does heavy work in its constructor: the authorization
/// middleware's policy cache enumerates every endpoint (every minimal-API delegate through RequestDelegateFactory,
/// every Razor page), which took most of the time before the readiness probe could be answered. Here that work is done
/// once, by the first request that needs it, and requests arriving meanwhile wait
/// for it; a failure to build is rethrown to every request, as a failure of the pipeline would be.
/// </summary>
public static class BuiltOnFirstRequest
{
    public static IApplicationBuilder UseBuiltOnFirstRequest(this IApplicationBuilder app, Action<IApplicationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(configure);
        return app.Use(next =>
        {
            var branch = new Lazy<RequestDelegate>(
                () =>
                {
                    var builder = app.New();
                    configure(builder);
                    builder.Run(next);
                    return builder.Build();
                },
                LazyThreadSafetyMode.ExecutionAndPublication);
            return context => branch.Value(context);
        });
    }
}
