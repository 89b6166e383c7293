using Helpdesk.FunctionApp;

var app = HelpdeskApp.Build(args);
await app.RunAsync().ConfigureAwait(false);
