using Azure.Storage.Blobs;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>Azurite's Blob service (npm <c>azurite</c>) on a free loopback port, in memory, for one test collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key (public, documented).</summary>
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private EmulatorProcess? _process;
    private string? _workspace;

    public string ConnectionString { get; private set; } = string.Empty;

    public BlobServiceClient Service => new(ConnectionString);

    public async ValueTask InitializeAsync()
    {
        _workspace = Path.Combine(Path.GetTempPath(), "helpdesk-azurite", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workspace);
        _process = await EmulatorProcess.StartAsync(
            "azurite-blob",
            port => ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry"],
            port => new Uri($"http://127.0.0.1:{port}/devstoreaccount1?comp=list"),
            workingDirectory: _workspace).ConfigureAwait(false);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{_process.Port}/devstoreaccount1;";
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        if (_workspace is not null && Directory.Exists(_workspace))
        {
            Directory.Delete(_workspace, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
