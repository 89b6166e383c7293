namespace Helpdesk.Domain.Attachments;

/// <summary>What became of a message's parts: the files kept and the ones refused (too large, blocked type).</summary>
public sealed record MessageAttachments(IReadOnlyList<AttachmentRef> Kept, IReadOnlyList<RefusedAttachment> Refused)
{
    public static MessageAttachments None { get; } = new([], []);

    public bool IsEmpty => Kept.Count == 0 && Refused.Count == 0;

    /// <summary>The kept files, or null when none (so that events without files keep their canonical form).</summary>
    public IReadOnlyList<AttachmentRef>? KeptOrNull => Kept.Count == 0 ? null : Kept;

    /// <summary>The refused parts, or null when none.</summary>
    public IReadOnlyList<RefusedAttachment>? RefusedOrNull => Refused.Count == 0 ? null : Refused;
}
