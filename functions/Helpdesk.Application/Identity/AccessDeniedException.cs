namespace Helpdesk.Application.Identity;

/// <summary>The signed-in person's roles do not allow the action (HTTP 403).</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
