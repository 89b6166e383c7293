// The floor of the coldstart suite: a minimal ASP.NET Core app that answers GET / as the handler does.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => Results.Ok(new { status = "ready" }));
await app.RunAsync().ConfigureAwait(false);
