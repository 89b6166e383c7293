using System.Diagnostics;
using OpenTelemetry;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// Keeps secrets carried in URLs out of traces: a survey link's path is its signed token (whoever holds it may answer the
/// survey for the requester), so <c>/api/surveys/{token}</c> is recorded as that template in <c>url.path</c>,
/// <c>url.full</c>, <c>http.target</c> and the span's name. Runs on every span before any exporter sees it.
/// </summary>
public sealed class TelemetryRedaction : BaseProcessor<Activity>
{
    public const string SurveyPrefix = "/api/surveys/";
    public const string SurveyTemplate = "/api/surveys/{token}";

    private static readonly string[] UrlTags = ["url.path", "url.full", "http.target", "http.url"];

    /// <summary>The path, or its template when it carries a secret.</summary>
    public static string Path(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var at = path.IndexOf(SurveyPrefix, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? path : path[..at] + SurveyTemplate;
    }

    public override void OnStart(Activity data) => Redact(data);

    public override void OnEnd(Activity data) => Redact(data);

    public static void Redact(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string value && value.Contains(SurveyPrefix, StringComparison.OrdinalIgnoreCase))
            {
                activity.SetTag(tag, Path(value));
            }
        }

        if (activity.DisplayName.Contains(SurveyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            activity.DisplayName = Path(activity.DisplayName);
        }
    }
}
