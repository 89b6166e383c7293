namespace Helpdesk.Application.Reports;

/// <summary>The version a publish produced, and whether it is new (false: the latest version already had this content).</summary>
public sealed record PublishOutcome(PublishedReport Report, bool Created);
