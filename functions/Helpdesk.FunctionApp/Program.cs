using Helpdesk.FunctionApp;
using Helpdesk.FunctionApp.Hosting;

WebApplication app;
try
{
    app = HelpdeskApp.Build(args);
}
catch (StartupConfigurationException ex)
{
    // A missing or malformed setting: say which, and do not start.
    await Console.Error.WriteLineAsync("helpdesk: configuration error: " + ex.Message).ConfigureAwait(false);
    return 78; // EX_CONFIG
}

await app.RunAsync().ConfigureAwait(false);
return StartupWarmUp.ExitCode(app.Services); // 70 when the store could not be opened after the server listened
