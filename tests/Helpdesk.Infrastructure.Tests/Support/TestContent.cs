using Helpdesk.Infrastructure.Content;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>The content store the Cosmos DB store tests share (a temporary folder; the Blob adapter of the same port
/// passes the same contract against Azurite in BlobContentStoreTests).</summary>
internal static class TestContent
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "helpdesk-cosmos-content", Guid.NewGuid().ToString("N"));

    public static LocalFolderContentStore Store { get; } = new(Root);
}
