using System.IO.Compression;

namespace Helpdesk.Infra.Tests.Package;

internal static class DeploymentPackage
{
    /// <summary>The permission bits a zip entry made on Unix carries in the high 16 bits of its external attributes.</summary>
    public static UnixFileMode UnixMode(ZipArchiveEntry entry) => (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
}
