using Helpdesk.Application.Reports;

namespace Helpdesk.Application.Ports;

/// <summary>
/// Where finance documents are published (Blob storage in Azure, a local folder embedded). A published version is
/// never overwritten: publishing different content for the same document adds a version and keeps the old ones;
/// publishing the content of the latest version again changes nothing (a redelivery is harmless).
/// Every version carries metadata: contract, month, version and the SHA-256 of its content.
/// </summary>
public interface IReportStore
{
    Task<PublishOutcome> PublishAsync(ReportKey key, string contentType, ReadOnlyMemory<byte> content, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every version of the document, oldest first (empty if none).</summary>
    Task<IReadOnlyList<PublishedReport>> ListVersionsAsync(ReportKey key, CancellationToken cancellationToken);

    /// <summary>One version (the latest when <paramref name="version"/> is null), or null if there is none.</summary>
    Task<ReportContent?> ReadAsync(ReportKey key, int? version, CancellationToken cancellationToken);
}
