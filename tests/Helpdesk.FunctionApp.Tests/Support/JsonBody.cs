namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>Request bodies for writes that carry no data.</summary>
public static class JsonBody
{
    /// <summary>An empty body declared <c>application/json</c>, as a script or the front end sends to a body-less write.</summary>
    public static HttpContent Empty => new StringContent(string.Empty, System.Text.Encoding.UTF8, "application/json");
}
