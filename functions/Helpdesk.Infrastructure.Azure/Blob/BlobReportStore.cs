using Helpdesk.Application.Ports;
using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Helpdesk.Application.Reports;

namespace Helpdesk.Infrastructure.Azure.Blob;

/// <summary>
/// The report store on Blob storage: one block blob per version at <see cref="ReportKey.PathOf"/>, with content type
/// and metadata (contract, month, version, sha256, publishedAt). A version is claimed by an upload conditioned on
/// <c>If-None-Match: *</c>, so a published blob is never overwritten, even by two publishers at once.
/// </summary>
public sealed class BlobReportStore(BlobContainerClient container) : IReportStore
{
    private const int MaxVersions = 10_000;
    private int _containerReady;

    public async Task<PublishOutcome> PublishAsync(ReportKey key, string contentType, ReadOnlyMemory<byte> content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var existing = await ListVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0 && existing[^1].Sha256 == sha)
        {
            return new PublishOutcome(existing[^1], Created: false);
        }

        for (var version = existing.Count == 0 ? 1 : existing[^1].Version + 1; version <= MaxVersions; version++)
        {
            var path = key.PathOf(version);
            var options = new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["contract"] = key.Contract,
                    ["month"] = key.Month.ToString(),
                    ["version"] = version.ToString(CultureInfo.InvariantCulture),
                    ["sha256"] = sha,
                    ["publishedAt"] = now.ToString("O", CultureInfo.InvariantCulture),
                },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            };
            try
            {
                await container.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                continue; // this version was published meanwhile: never overwrite, take the next one
            }

            return new PublishOutcome(new PublishedReport(key, version, path, contentType, sha, content.Length, now), Created: true);
        }

        throw new InvalidOperationException($"{key.PathOf(1)} has more than {MaxVersions} versions.");
    }

    public async Task<IReadOnlyList<PublishedReport>> ListVersionsAsync(ReportKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<PublishedReport>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = key.Folder }, cancellationToken).ConfigureAwait(false))
        {
            var name = item.Name[key.Folder.Length..];
            if (name.Contains('/', StringComparison.Ordinal) || key.VersionOf(name) is not { } version)
            {
                continue;
            }

            list.Add(ToReport(key, version, item.Name, item.Properties.ContentType, item.Properties.ContentLength ?? 0, item.Metadata));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        return list;
    }

    public async Task<ReportContent?> ReadAsync(ReportKey key, int? version, CancellationToken cancellationToken)
    {
        var versions = await ListVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        var report = version is null ? (versions.Count == 0 ? null : versions[^1]) : versions.FirstOrDefault(v => v.Version == version);
        if (report is null)
        {
            return null;
        }

        var download = await container.GetBlobClient(report.Path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return new ReportContent(report, download.Value.Content.ToArray());
    }

    private static PublishedReport ToReport(ReportKey key, int version, string path, string? contentType, long length, IDictionary<string, string> metadata)
    {
        // Metadata names come back in the case the service stores (Azurite and Azure keep them; HTTP may lower them).
        string Meta(string name) => metadata.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        _ = DateTimeOffset.TryParse(Meta("publishedAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var publishedAt);
        return new PublishedReport(key, version, path, contentType ?? "application/octet-stream", Meta("sha256"), length, publishedAt);
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _containerReady) == 1)
        {
            return;
        }

        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _containerReady, 1);
    }
}
