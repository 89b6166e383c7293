using Helpdesk.Application.Ports;
using System.Security.Cryptography;
using System.Text.Json;
using Helpdesk.Application.Reports;

namespace Helpdesk.Infrastructure.Reports;

/// <summary>
/// The embedded report store: <c>{root}/finance/{contract}/{yyyy-MM}/{file}</c>, with each version's metadata in a
/// hidden sidecar <c>.{file}.json</c> beside it. A version is claimed by creating its file exclusively
/// (<see cref="FileMode.CreateNew"/>), so two publishers never write the same version; the sidecar is written last
/// (temporary file, then rename), and a version without a sidecar (a publisher that died) is skipped, never reused.
/// </summary>
public sealed class LocalFolderReportStore(string root) : IReportStore
{
    private const int MaxVersions = 10_000;

    public async Task<PublishOutcome> PublishAsync(ReportKey key, string contentType, ReadOnlyMemory<byte> content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var folder = FolderOf(key);
        Directory.CreateDirectory(folder);

        var existing = await ListVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0 && existing[^1].Sha256 == sha)
        {
            return new PublishOutcome(existing[^1], Created: false);
        }

        for (var version = existing.Count == 0 ? 1 : existing[^1].Version + 1; version <= MaxVersions; version++)
        {
            var path = Path.Combine(folder, key.VersionedName(version));
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                continue; // claimed by another publisher
            }

            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            var report = new PublishedReport(key, version, key.PathOf(version), contentType, sha, content.Length, now);
            var sidecar = SidecarOf(folder, key, version);
            var temporary = sidecar + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new Sidecar(key.Contract, key.Month.ToString(), version, sha, contentType, content.Length, now)), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, sidecar, overwrite: false);
            return new PublishOutcome(report, Created: true);
        }

        throw new InvalidOperationException($"{key.PathOf(1)} has more than {MaxVersions} versions.");
    }

    public async Task<IReadOnlyList<PublishedReport>> ListVersionsAsync(ReportKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var folder = FolderOf(key);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var list = new List<PublishedReport>();
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || key.VersionOf(name) is not { } version)
            {
                continue;
            }

            var sidecar = SidecarOf(folder, key, version);
            if (!File.Exists(sidecar))
            {
                continue; // a publisher died between claiming the version and finishing it
            }

            var meta = JsonSerializer.Deserialize<Sidecar>(await File.ReadAllTextAsync(sidecar, cancellationToken).ConfigureAwait(false))
                ?? throw new InvalidOperationException($"Empty metadata for {key.PathOf(version)}.");
            list.Add(new PublishedReport(key, version, key.PathOf(version), meta.ContentType, meta.Sha256, meta.Length, meta.PublishedAt));
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

        var bytes = await File.ReadAllBytesAsync(Path.Combine(FolderOf(key), key.VersionedName(report.Version)), cancellationToken).ConfigureAwait(false);
        return new ReportContent(report, bytes);
    }

    private string FolderOf(ReportKey key) => Path.Combine(root, ReportKey.Root, key.Contract, key.Month.ToString());

    private static string SidecarOf(string folder, ReportKey key, int version) => Path.Combine(folder, "." + key.VersionedName(version) + ".json");

    private sealed record Sidecar(string Contract, string Month, int Version, string Sha256, string ContentType, long Length, DateTimeOffset PublishedAt);
}
