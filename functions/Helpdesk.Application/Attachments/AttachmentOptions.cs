namespace Helpdesk.Application.Attachments;

/// <summary>Limits on files kept with messages (settings <c>Attachments__MaxFileBytes</c>,
/// <c>Attachments__MaxMessageBytes</c>, <c>Attachments__BlockedExtensions</c>).</summary>
public sealed class AttachmentOptions
{
    /// <summary>35 MB: the message cap the mailbox intake enforces, Exchange Online's default message size limit.</summary>
    public const long DefaultLimitBytes = 35L * 1024 * 1024;

    /// <summary>Executables and scripts that run when opened (Exchange Online's and Outlook's blocked types).</summary>
    public const string DefaultBlockedExtensions = ".exe,.com,.bat,.cmd,.scr,.pif,.msi,.msp,.dll,.cpl,.vbs,.vbe,.js,.jse,.wsf,.wsh,.ps1,.hta,.jar,.lnk,.reg";

    /// <summary>Largest single file kept (bytes).</summary>
    public long MaxFileBytes { get; set; } = DefaultLimitBytes;

    /// <summary>Largest total of the files kept with one message (bytes).</summary>
    public long MaxMessageBytes { get; set; } = DefaultLimitBytes;

    /// <summary>Comma-separated extensions (with or without the dot) never kept nor sent.</summary>
    public string BlockedExtensions { get; set; } = DefaultBlockedExtensions;

    public bool IsBlocked(string fileName)
    {
        var extension = Domain.Attachments.AttachmentNames.Extension(fileName ?? string.Empty);
        return extension.Length > 0 && BlockedExtensions
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Any(b => string.Equals(b.StartsWith('.') ? b : "." + b, extension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A limit as people read it in pt-BR: "35 MB", "1,5 MB", "200 KB", "100 bytes".</summary>
    public static string Readable(long bytes)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo("pt-BR");
        return bytes switch
        {
            < 1024 => bytes.ToString(culture) + " bytes",
            < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", culture) + " KB",
            _ => (bytes / (1024.0 * 1024.0)).ToString("0.#", culture) + " MB",
        };
    }
}
