namespace Helpdesk.Application.Ports;

/// <summary>
/// Content too large to keep inside a store's record (a long e-mail body in a Cosmos DB ticket item, whose limit is
/// 2 MB): kept apart, addressed by its SHA-256, written once. The record keeps only the key. Putting the same content
/// twice (a redelivery, a retried write) stores it once and answers the same key.
/// </summary>
public interface IContentStore
{
    /// <summary>Stores <paramref name="content"/> and returns its key, <c>sha256/{hex}</c>.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>The content under <paramref name="key"/>, null if there is none. Throws <see cref="InvalidDataException"/>
    /// when the stored bytes no longer match their key (tampering or corruption is never served silently).</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the content under <paramref name="key"/> (an erasure of personal data); nothing when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
