using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Content;

namespace Helpdesk.Infrastructure.Azure.Blob;

/// <summary>
/// The content store on Blob storage: one block blob per content, named by its key (<c>sha256/{hex}</c>), with its
/// content type and a <c>sha256</c> metadata entry, uploaded with <c>If-None-Match: *</c> so that a stored blob is
/// never overwritten (a second upload of the same content is a 409, taken as "already there").
/// </summary>
public sealed class BlobContentStore(BlobContainerClient container) : IContentStore
{
    private int _containerReady;

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var key = ContentKeys.For(content.Span);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = ContentKeys.Digest(key) },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await container.GetBlobClient(key).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // Content-addressed: the blob that is there already holds these bytes.
        }

        return key;
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        _ = ContentKeys.Digest(key);
        try
        {
            var result = await container.GetBlobClient(key).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return ContentKeys.Verified(key, result.Value.Content.ToArray());
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _ = ContentKeys.Digest(key);
        await container.GetBlobClient(key).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
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
