using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>Timer functions invoked as the Functions host invokes them (the documented payload posted to <c>/{FunctionName}</c>).</summary>
public static class Timers
{
    /// <summary>Invokes <paramref name="function"/> at <paramref name="now"/>; asserts 200 and returns the invocation's logs.</summary>
    public static async Task<string> InvokeTimerAsync(this RunningApp app, string function, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(app);
        const string timer = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
              "ScheduleStatus":{"Last":"2026-11-01T03:30:00","Next":"2026-12-01T03:30:00","LastUpdated":"2026-11-01T03:30:00"},
              "IsPastDue":false}},
             "Metadata":{"sys":{"MethodName":"FUNCTION","UtcNow":"NOW","RandGuid":"5b0c"}}}
            """;
        var payload = timer.Replace("FUNCTION", function, StringComparison.Ordinal).Replace("NOW", now.ToString("O", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var response = await app.InvokeAsync(function, payload);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return string.Join("\n", JsonDocument.Parse(body).RootElement.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()));
    }
}
