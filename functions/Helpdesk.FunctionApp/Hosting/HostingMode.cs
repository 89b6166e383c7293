namespace Helpdesk.FunctionApp.Hosting;

public enum HostingMode
{
    /// <summary>Run by the Azure Functions host as its custom handler: the host owns triggers and bindings.</summary>
    FunctionsHost,

    /// <summary>Run on its own (<c>dotnet run</c>): the embedded runner fires timers, delivers queues and reads the mail drop folder.</summary>
    Embedded,
}

public static class HostingModes
{
    /// <summary>The Functions host sets this variable for its custom handler (FUNCTIONS-HOST.md §1).</summary>
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static HostingMode Detect(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration[CustomHandlerPortVariable]) ? HostingMode.Embedded : HostingMode.FunctionsHost;
}
