using System.Text;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Tickets;

/// <summary>Opaque page tokens of every <see cref="ITicketQueries"/> adapter: base64url of <c>v1:{protocol}</c>.</summary>
public static class PageTokens
{
    public static string Write(string protocol) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("v1:" + protocol)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("v1:", StringComparison.Ordinal) && ProtocolNumber.TryParse(text[3..], out var protocol))
            {
                return protocol.ToString();
            }
        }
        catch (FormatException)
        {
            // falls through to the error below
        }

        throw new ArgumentException("The page token is not one this service issued.", nameof(token));
    }
}
