using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.Infrastructure.Reports;

namespace Helpdesk.Infrastructure.Tests.Reports;

public sealed class LocalFolderReportStoreTests : ReportStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "helpdesk-reports", Guid.NewGuid().ToString("N"));

    public LocalFolderReportStoreTests() => Store = new LocalFolderReportStore(_root);

    protected override IReportStore Store { get; }

    [Fact]
    public async Task Versions_are_plain_files_under_the_finance_folder()
    {
        var key = NewKey();
        await Store.PublishAsync(key, "text/csv", Bytes("a"), Now, TestContext.Current.CancellationToken);
        await Store.PublishAsync(key, "text/csv", Bytes("b"), Now, TestContext.Current.CancellationToken);

        var folder = Path.Combine(_root, "finance", key.Contract, "2026-11");
        Assert.Equal("a", await File.ReadAllTextAsync(Path.Combine(folder, "glosas.csv"), TestContext.Current.CancellationToken));
        Assert.Equal("b", await File.ReadAllTextAsync(Path.Combine(folder, "glosas.v2.csv"), TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
