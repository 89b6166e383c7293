namespace Helpdesk.Application.Reports;

/// <summary>One stored version of a finance document, with the metadata stored beside it.</summary>
public sealed record PublishedReport(
    ReportKey Key,
    int Version,
    string Path,
    string ContentType,
    string Sha256,
    long Length,
    DateTimeOffset PublishedAt);

/// <summary>A version's metadata and content.</summary>
public sealed record ReportContent(PublishedReport Report, byte[] Content);
