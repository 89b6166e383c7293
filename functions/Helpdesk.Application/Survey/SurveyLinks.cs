using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Application.Intake;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Survey;

/// <summary>What a survey token says, once its signature and expiry are checked.</summary>
public enum SurveyTokenStatus
{
    Valid,

    /// <summary>Malformed, or the signature does not match (forged or altered).</summary>
    Invalid,

    /// <summary>Well signed but past its expiry.</summary>
    Expired,
}

public sealed record SurveyToken(SurveyTokenStatus Status, TicketId TicketId, string Protocol, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed survey links: <c>{base}/api/surveys/{ticketId}.{protocol}.{expiresUnix}.{signature}</c>, the signature being
/// HMAC-SHA256 over a versioned string of the ticket id, protocol and expiry. Changing any part (another ticket's id or
/// protocol, a later expiry) breaks the signature, so a link can be neither forged nor replayed for another ticket.
/// </summary>
public sealed class SurveyLinks
{
    private const string Purpose = "helpdesk-survey-v1";
    private readonly byte[] _key;
    private readonly SurveyOptions _options;
    private readonly string _baseUrl;

    public SurveyLinks(IOptions<SurveyOptions> options, IOptions<IntakeOptions> intake)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(intake);
        _options = options.Value;
        if (_options.SigningKey.Length < SurveyOptions.MinKeyLength)
        {
            throw new InvalidOperationException($"Survey:SigningKey must have at least {SurveyOptions.MinKeyLength} characters (setting Survey__SigningKey).");
        }

        _key = Encoding.UTF8.GetBytes(_options.SigningKey);
        _baseUrl = intake.Value.PublicBaseUrl.TrimEnd('/');
    }

    public string CreateToken(TicketId ticketId, ProtocolNumber protocol, DateTimeOffset expiresAt)
    {
        var payload = string.Join('.', ticketId.ToString(), protocol.ToString(), expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return payload + "." + Sign(payload);
    }

    /// <summary>The link for a ticket resolved at <paramref name="now"/>.</summary>
    public string CreateUrl(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return CreateUrl(ticket.Id, ticket.Protocol, now);
    }

    /// <summary>The link for a ticket whose resolution e-mail is sent at <paramref name="now"/>.</summary>
    public string CreateUrl(TicketId ticketId, ProtocolNumber protocol, DateTimeOffset now) =>
        $"{_baseUrl}/api/surveys/{CreateToken(ticketId, protocol, now.AddDays(_options.LinkLifetimeDays))}";

    /// <summary>The part of a token that only this service can produce (its signature): a text that contains it contains the
    /// link. Empty for a malformed token.</summary>
    public static string SignatureOf(string? token)
    {
        var parts = (token ?? string.Empty).Split('.');
        return parts.Length == 4 ? parts[3] : string.Empty;
    }

    public SurveyToken Read(string? token, DateTimeOffset now)
    {
        var invalid = new SurveyToken(SurveyTokenStatus.Invalid, default, string.Empty, default);
        var parts = (token ?? string.Empty).Split('.');
        if (parts.Length != 4 || parts[0].Length != 32 || parts[3].Length == 0 || parts[3].Length > 64)
        {
            return invalid;
        }

        var payload = string.Join('.', parts[0], parts[1], parts[2]);
        var expected = Encoding.ASCII.GetBytes(Sign(payload));
        var given = Encoding.ASCII.GetBytes(parts[3]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return invalid;
        }

        if (!Guid.TryParseExact(parts[0], "N", out var id) || !ProtocolNumber.TryParse(parts[1], out var protocol) ||
            !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix))
        {
            return invalid;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        return new SurveyToken(now > expiresAt ? SurveyTokenStatus.Expired : SurveyTokenStatus.Valid, new TicketId(id), protocol.ToString(), expiresAt);
    }

    private string Sign(string payload)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Purpose + "\n" + payload));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
