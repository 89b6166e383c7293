using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Blob;
using Helpdesk.Application.Content;
using Helpdesk.Infrastructure.Content;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Content;

/// <summary>The content store contract on a local folder (the embedded default).</summary>
public sealed class LocalFolderContentStoreTests : ContentStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "helpdesk-content-tests", Guid.NewGuid().ToString("N"));

    protected override IContentStore Store => new LocalFolderContentStore(_root);

    protected override Task CorruptAsync(string key, byte[] bytes)
    {
        var hex = ContentKeys.Digest(key);
        return File.WriteAllBytesAsync(Path.Combine(_root, hex[..2], hex), bytes, Ct);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

/// <summary>The content store contract on Azurite's Blob service.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobContentStoreTests(AzuriteFixture azurite) : ContentStoreContract
{
    private readonly global::Azure.Storage.Blobs.BlobContainerClient _container = azurite.Service.GetBlobContainerClient("content");

    protected override IContentStore Store => new BlobContentStore(_container);

    protected override Task CorruptAsync(string key, byte[] bytes) =>
        _container.GetBlobClient(key).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, Ct);

    [Fact]
    public async Task Each_content_is_a_blob_with_its_content_type_and_sha256()
    {
        var key = await Store.PutAsync(System.Text.Encoding.UTF8.GetBytes("corpo " + Guid.NewGuid()), "text/plain; charset=utf-8", Ct);

        var properties = (await _container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: Ct)).Value;
        Assert.Equal("text/plain; charset=utf-8", properties.ContentType);
        Assert.Equal(ContentKeys.Digest(key), properties.Metadata["sha256"]);
    }
}
