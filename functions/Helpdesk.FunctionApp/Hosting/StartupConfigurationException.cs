namespace Helpdesk.FunctionApp.Hosting;

/// <summary>A setting is missing or malformed: the app refuses to start and names it.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
