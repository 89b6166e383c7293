using Helpdesk.Application.Ports;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Application.Reports;

namespace Helpdesk.Infrastructure.Tests.Reports;

/// <summary>The behaviour every <see cref="IReportStore"/> adapter must have (local folder, Blob storage).</summary>
public abstract class ReportStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    protected abstract IReportStore Store { get; }

    /// <summary>A document key no other test uses, so that tests can share one emulator.</summary>
    protected static ReportKey NewKey(string fileName = "glosas.csv") =>
        new("ct-" + Guid.NewGuid().ToString("N")[..12], ReportMonth.Create(2026, 11), fileName);

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [Fact]
    public async Task Publishing_a_month_stores_version_1_at_the_finance_path_with_its_metadata()
    {
        var key = NewKey();
        var content = Bytes("contrato;mes;glosa\nct;2026-11;1234,56\n");

        var outcome = await Store.PublishAsync(key, "text/csv; charset=utf-8", content, Now, TestContext.Current.CancellationToken);

        Assert.True(outcome.Created);
        Assert.Equal(1, outcome.Report.Version);
        Assert.Equal($"finance/{key.Contract}/2026-11/glosas.csv", outcome.Report.Path);
        var read = await Store.ReadAsync(key, null, TestContext.Current.CancellationToken);
        Assert.NotNull(read);
        Assert.Equal(content, read.Content);
        Assert.Equal("text/csv; charset=utf-8", read.Report.ContentType);
        Assert.Equal(Sha256Of(content), read.Report.Sha256);
        Assert.Equal(content.Length, read.Report.Length);
        Assert.Equal(Now, read.Report.PublishedAt);
    }

    [Fact]
    public async Task Republishing_different_content_adds_a_version_and_keeps_the_old_one()
    {
        var key = NewKey();
        var first = Bytes("v1");
        var second = Bytes("v2, corrected");
        await Store.PublishAsync(key, "text/csv", first, Now, TestContext.Current.CancellationToken);

        var outcome = await Store.PublishAsync(key, "text/csv", second, Now.AddDays(1), TestContext.Current.CancellationToken);

        Assert.True(outcome.Created);
        Assert.Equal(2, outcome.Report.Version);
        Assert.Equal($"finance/{key.Contract}/2026-11/glosas.v2.csv", outcome.Report.Path);
        Assert.Equal(first, (await Store.ReadAsync(key, 1, TestContext.Current.CancellationToken))!.Content);
        Assert.Equal(second, (await Store.ReadAsync(key, 2, TestContext.Current.CancellationToken))!.Content);
        Assert.Equal(second, (await Store.ReadAsync(key, null, TestContext.Current.CancellationToken))!.Content);
        var versions = await Store.ListVersionsAsync(key, TestContext.Current.CancellationToken);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([Sha256Of(first), Sha256Of(second)], versions.Select(v => v.Sha256));
    }

    [Fact]
    public async Task Publishing_the_latest_content_again_changes_nothing()
    {
        var key = NewKey();
        var content = Bytes("same");
        var first = await Store.PublishAsync(key, "text/csv", content, Now, TestContext.Current.CancellationToken);

        var again = await Store.PublishAsync(key, "text/csv", content, Now.AddHours(1), TestContext.Current.CancellationToken);

        Assert.False(again.Created);
        Assert.Equal(first.Report.Version, again.Report.Version);
        Assert.Single(await Store.ListVersionsAsync(key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_publishers_never_overwrite_each_other()
    {
        var key = NewKey("resumo.json");
        var contents = Enumerable.Range(1, 6).Select(i => Bytes($"{{\"run\":{i}}}")).ToArray();

        var outcomes = await Task.WhenAll(contents.Select(c => Store.PublishAsync(key, "application/json", c, Now, TestContext.Current.CancellationToken)));

        Assert.All(outcomes, o => Assert.True(o.Created));
        Assert.Equal(outcomes.Length, outcomes.Select(o => o.Report.Version).Distinct().Count());
        var versions = await Store.ListVersionsAsync(key, TestContext.Current.CancellationToken);
        Assert.Equal(contents.Select(Sha256Of).Order(), versions.Select(v => v.Sha256).Order());
        foreach (var version in versions)
        {
            var read = await Store.ReadAsync(key, version.Version, TestContext.Current.CancellationToken);
            Assert.Equal(version.Sha256, Sha256Of(read!.Content));
        }
    }

    [Fact]
    public async Task An_unknown_document_has_no_versions()
    {
        var key = NewKey();

        Assert.Empty(await Store.ListVersionsAsync(key, TestContext.Current.CancellationToken));
        Assert.Null(await Store.ReadAsync(key, null, TestContext.Current.CancellationToken));
        await Store.PublishAsync(key, "text/csv", Bytes("x"), Now, TestContext.Current.CancellationToken);
        Assert.Null(await Store.ReadAsync(key, 2, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Other_documents_of_the_month_are_not_versions_of_this_one()
    {
        var key = NewKey("glosas.csv");
        var other = new ReportKey(key.Contract, key.Month, "glosas-detalhe.csv");
        await Store.PublishAsync(key, "text/csv", Bytes("a"), Now, TestContext.Current.CancellationToken);
        await Store.PublishAsync(other, "text/csv", Bytes("b"), Now, TestContext.Current.CancellationToken);
        await Store.PublishAsync(other, "text/csv", Bytes("c"), Now, TestContext.Current.CancellationToken);

        Assert.Single(await Store.ListVersionsAsync(key, TestContext.Current.CancellationToken));
        Assert.Equal(2, (await Store.ListVersionsAsync(other, TestContext.Current.CancellationToken)).Count);
    }
}
