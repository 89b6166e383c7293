using System.Text;
using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Tests.Content;

/// <summary>The behaviour every <see cref="IContentStore"/> adapter must have (local folder, Blob storage).</summary>
public abstract class ContentStoreContract
{
    protected abstract IContentStore Store { get; }

    /// <summary>Overwrites the stored bytes behind the store's back (corruption or tampering).</summary>
    protected abstract Task CorruptAsync(string key, byte[] bytes);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Unique(int size = 100_000) =>
        Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("N") + new string('x', size));

    [Fact]
    public async Task Content_reads_back_under_its_sha256_key()
    {
        var content = Unique();

        var key = await Store.PutAsync(content, "text/plain; charset=utf-8", Ct);

        Assert.Equal("sha256/" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), key);
        Assert.Equal(content, await Store.GetAsync(key, Ct));
    }

    [Fact]
    public async Task Deleted_content_is_gone_and_deleting_it_again_is_harmless()
    {
        var key = await Store.PutAsync(Unique(), "application/json", Ct);

        await Store.DeleteAsync(key, Ct);
        await Store.DeleteAsync(key, Ct);

        Assert.Null(await Store.GetAsync(key, Ct));
    }

    [Fact]
    public async Task Putting_the_same_content_twice_answers_the_same_key_and_keeps_one_copy()
    {
        var content = Unique();

        var first = await Store.PutAsync(content, "text/plain", Ct);
        var second = await Store.PutAsync(content, "text/plain", Ct);

        Assert.Equal(first, second);
        Assert.Equal(content, await Store.GetAsync(second, Ct));
    }

    [Fact]
    public async Task A_missing_key_is_nothing_and_a_malformed_one_is_refused()
    {
        Assert.Null(await Store.GetAsync("sha256/" + new string('a', 64), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync("../../etc/passwd", Ct));
    }

    [Fact]
    public async Task Content_that_no_longer_matches_its_key_is_never_served()
    {
        var key = await Store.PutAsync(Unique(10), "text/plain", Ct);
        await CorruptAsync(key, Encoding.UTF8.GetBytes("adulterado"));

        await Assert.ThrowsAsync<InvalidDataException>(() => Store.GetAsync(key, Ct));
    }
}
