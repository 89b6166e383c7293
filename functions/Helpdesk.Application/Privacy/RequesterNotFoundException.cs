namespace Helpdesk.Application.Privacy;

/// <summary>No ticket has this requester (HTTP 404; the address is not repeated in the message).</summary>
public sealed class RequesterNotFoundException() : Exception("No ticket has this requester.");
