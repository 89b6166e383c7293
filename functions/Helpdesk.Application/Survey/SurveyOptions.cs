namespace Helpdesk.Application.Survey;

/// <summary>Settings of the satisfaction survey (section <c>Survey</c>).</summary>
public sealed class SurveyOptions
{
    public const int MinKeyLength = 32;

    /// <summary>The HMAC-SHA256 key that signs survey links (setting <c>Survey__SigningKey</c>, at least 32 characters;
    /// in Azure a Key Vault reference). Changing it invalidates every link already sent.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>How long a survey link stays valid after the resolution e-mail (setting <c>Survey__LinkLifetimeDays</c>).</summary>
    public int LinkLifetimeDays { get; set; } = 30;
}
