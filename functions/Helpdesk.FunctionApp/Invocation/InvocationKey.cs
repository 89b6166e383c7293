using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.FunctionApp.Invocation;

/// <summary>
/// A secret made at start-up that the embedded runner sends with every <c>POST /{FunctionName}</c>, so that in embedded
/// mode nobody else (a web page making a browser post to localhost, another local user) can invoke a function such as
/// <c>SendRequesterMail</c>. Under the Functions host the handler's port listens on loopback only and the host cannot
/// send a header of ours, so the key is not required there (FUNCTIONS-HOST.md §1).
/// </summary>
public sealed class InvocationKey
{
    public const string Header = "X-Helpdesk-Invocation-Key";

    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public bool Matches(string? presented) =>
        presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(Value));
}
