using System.Text.Json.Nodes;

namespace Helpdesk.Application.Notifications;

/// <summary>
/// Builds the message a Teams Workflows webhook ("Post to a channel when a webhook request is received") expects:
/// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{...}}]}</c>
/// with an Adaptive Card 1.4 in Portuguese: protocol, subject, group, assignee, remaining time and a link to the ticket.
/// </summary>
public static class AdaptiveCardComposer
{
    public static JsonObject Compose(GroupNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var title = notification.Kind switch
        {
            "escalated" => $"Chamado {notification.Protocol} escalado para {notification.Group}",
            "at-risk" => $"Chamado {notification.Protocol} em risco de descumprir o prazo",
            "breached" => $"Chamado {notification.Protocol} com prazo descumprido",
            _ => $"Chamado {notification.Protocol}",
        };
        var facts = new JsonArray
        {
            Fact("Protocolo", notification.Protocol),
            Fact("Assunto", EscapeMarkdown(notification.Subject)),
            Fact("Grupo", notification.Group),
            Fact("Responsável", notification.Assignee ?? "(a definir pelo grupo)"),
        };
        if (notification.RemainingTime is not null)
        {
            facts.Add(Fact("Prazo restante", notification.RemainingTime));
        }

        if (notification.Reason is not null)
        {
            facts.Add(Fact("Motivo", EscapeMarkdown(notification.Reason)));
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            },
            ["actions"] = notification.TeamsLink is { } inTeams
                ? new JsonArray
                {
                    // The tab opens on the ticket (issue 22); the browser stays one click away.
                    new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Abrir no Teams", ["url"] = inTeams.AbsoluteUri },
                    new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Abrir no navegador", ["url"] = notification.TicketLink.ToString() },
                }
                : new JsonArray
                {
                    new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Abrir chamado", ["url"] = notification.TicketLink.ToString() },
                },
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    /// <summary>
    /// Text that a requester or an agent wrote (the subject, the escalation reason), shown literally: Teams renders a
    /// subset of Markdown in card text (emphasis, links, lists, headings), so that a subject such as
    /// <c>[Clique aqui](https://…)</c> would otherwise become a link in the agents' channel. Every Markdown
    /// punctuation character gets a backslash; line breaks become spaces (a card fact is one line).
    /// </summary>
    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '`' or '~' or '>' or '<' or '|' or '!' or '-' or '+' or '.' or '{' or '}')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
