using Helpdesk.Application.Content;
using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Content;

/// <summary>The embedded content store: one file per content under <c>{root}/{first two hex}/{hex}</c>, written to a
/// temporary file and renamed, never overwritten.</summary>
public sealed class LocalFolderContentStore(string root) : IContentStore
{
    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var key = ContentKeys.For(content.Span);
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return key;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken).ConfigureAwait(false);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // a concurrent writer stored the same content first
        }

        return key;
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? ContentKeys.Verified(key, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)) : null;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key)); // no error when there is no such file
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var hex = ContentKeys.Digest(key);
        return Path.Combine(root, hex[..2], hex);
    }
}
