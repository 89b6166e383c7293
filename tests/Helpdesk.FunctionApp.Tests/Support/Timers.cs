using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>Timer functions invoked as the Functions host does: the documented timer payload posted to <c>/{FunctionName}</c>.</summary>
public static class Timers
{
    private const string Payload = """
        {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
          "ScheduleStatus":{"Last":"2026-11-01T03:30:00","Next":"2026-12-01T03:30:00","LastUpdated":"2026-11-01T03:30:00"},
          "IsPastDue":false}},
         "Metadata":{"sys":{"MethodName":"FUNCTION","UtcNow":"NOW","RandGuid":"5b0c"}}}
        """;

    /// <summary>Invokes the timer function at <paramref name="now"/>, asserts a 200 and returns its log lines joined by newlines.</summary>
    public static async Task<string> InvokeTimerAsync(this RunningApp app, string function, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var payload = Payload.Replace("FUNCTION", function, StringComparison.Ordinal).Replace("NOW", now.ToString("O", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var response = await app.InvokeAsync(function, payload);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return string.Join("\n", JsonDocument.Parse(body).RootElement.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()));
    }
}
