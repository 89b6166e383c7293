using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.Infrastructure.Azure.Blob;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Reports;

/// <summary>The report store contract against Azurite on loopback.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobReportStoreTests(AzuriteFixture azurite) : ReportStoreContract
{
    private readonly global::Azure.Storage.Blobs.BlobContainerClient _container = azurite.Service.GetBlobContainerClient("reports");

    protected override IReportStore Store => new BlobReportStore(_container);

    [Fact]
    public async Task Each_version_is_a_blob_with_content_type_and_metadata()
    {
        var key = NewKey();
        var content = Bytes("contrato;glosa\n");

        await Store.PublishAsync(key, "text/csv", content, Now, TestContext.Current.CancellationToken);
        await Store.PublishAsync(key, "text/csv", Bytes("corrigido"), Now, TestContext.Current.CancellationToken);

        var properties = (await _container.GetBlobClient($"finance/{key.Contract}/2026-11/glosas.csv").GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        Assert.Equal("text/csv", properties.ContentType);
        Assert.Equal(key.Contract, properties.Metadata["contract"]);
        Assert.Equal("2026-11", properties.Metadata["month"]);
        Assert.Equal("1", properties.Metadata["version"]);
        Assert.Equal(Sha256Of(content), properties.Metadata["sha256"]);
        var second = (await _container.GetBlobClient($"finance/{key.Contract}/2026-11/glosas.v2.csv").GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        Assert.Equal("2", second.Metadata["version"]);
    }
}
