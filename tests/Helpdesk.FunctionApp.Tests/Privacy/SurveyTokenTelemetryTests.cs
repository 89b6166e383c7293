using System.Collections.Concurrent;
using System.Diagnostics;
using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Privacy;

/// <summary>Issue 19, section 3: a survey link's signed token never reaches traces (<c>url.path</c> and the span name).</summary>
public sealed class SurveyTokenTelemetryTests
{
    [Theory]
    [InlineData("/api/surveys/0123abcd.20260000042.1767225600.c2lnbmF0dXJl", "/api/surveys/{token}")]
    [InlineData("GET /api/surveys/abc.def", "GET /api/surveys/{token}")]
    [InlineData("/api/tickets/20260000042", "/api/tickets/20260000042")]
    public void Survey_paths_become_their_template(string path, string expected)
    {
        Assert.Equal(expected, TelemetryRedaction.Path(path));
    }

    [Fact]
    public async Task The_request_span_of_a_survey_link_carries_the_template_not_the_token()
    {
        const string Token = "feedfacefeedfacefeedfacefeedface.20260000042.1767225600.dG9rZW4tc2VjcmV0";
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await RunningApp.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("/api/surveys/" + Token, UriKind.Relative), TestContext.Current.CancellationToken);

        await RunningApp.WaitUntilAsync(() => seen.Any(a => a.IsStopped && a.GetTagItem("http.route") is string route && route.Contains("surveys", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the survey request's span");
        var span = seen.First(a => a.IsStopped && a.GetTagItem("http.route") is string route && route.Contains("surveys", StringComparison.Ordinal));
        Assert.Equal("/api/surveys/{token}", span.GetTagItem("url.path"));
        Assert.DoesNotContain(seen.Where(a => a.IsStopped), a => a.TagObjects.Any(t => t.Value is string v && v.Contains("dG9rZW4tc2VjcmV0", StringComparison.Ordinal)) || a.DisplayName.Contains("dG9rZW4tc2VjcmV0", StringComparison.Ordinal));
    }
}
