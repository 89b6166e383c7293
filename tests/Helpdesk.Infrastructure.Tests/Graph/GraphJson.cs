namespace Helpdesk.Infrastructure.Tests.Graph;

/// <summary>Response bodies in the shapes Microsoft Graph v1.0 documents (message, delta page, subscription).</summary>
public static class GraphJson
{
    public const string Mailbox = "suporte@contoso.gov.br";

    public static string Message(string id, string internetMessageId, string from = "maria.silva@ifsp.edu.br", string subject = "Não consigo acessar o sistema", string headers = "", string html = "<html><body><p>Bom dia,</p><p>o sistema mostra erro&nbsp;500.</p></body></html>") => $$"""
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('{{Mailbox}}')/messages(id,internetMessageId,subject,from,sender,body,receivedDateTime,hasAttachments,internetMessageHeaders)/$entity",
          "@odata.etag": "W/\"CQAAABYAAAAiIsqMbYjsT5e/T7KzowPTAAEMTBu8\"",
          "id": "{{id}}",
          "receivedDateTime": "2026-11-24T12:12:00Z",
          "hasAttachments": false,
          "internetMessageId": "<{{internetMessageId}}>",
          "subject": "{{subject}}",
          "body": { "contentType": "html", "content": "{{html.Replace("\"", "\\\"", StringComparison.Ordinal)}}" },
          "sender": { "emailAddress": { "name": "Maria da Silva", "address": "{{from}}" } },
          "from": { "emailAddress": { "name": "Maria da Silva", "address": "{{from}}" } },
          "internetMessageHeaders": [
            { "name": "Received", "value": "from mx.ifsp.edu.br by outlook.office365.com" },
            { "name": "Message-ID", "value": "<{{internetMessageId}}>" }{{headers}}
          ]
        }
        """;

    public static string Header(string name, string value) => $$""", { "name": "{{name}}", "value": "{{value}}" }""";

    public static string DeltaPage(string? nextLink, params string[] messages) => $$"""
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(message)",
          {{(nextLink is null ? "\"@odata.deltaLink\": \"https://graph.microsoft.com/v1.0/users/" + Mailbox + "/mailFolders('inbox')/messages/delta?$deltatoken=LztZwWjo5IivWBhyxw5rACKxf7mPm0oW6JZZ7fvKxYPS_67JnEYmfQQMPccy6FRun0DWJF5775dvuXxlZnMYhBubC1v4SBVT9ZjO8f7acZI.uCdGKSBS4YxPEbn_Q5zxLSq91WhpGeT9bNpn5ruMetBIx19uYUQOTRtEzvYKQZFhx-RBp6LNWMx2dWaATQnPEvJbVVE6fDNGhh1uGvWiRo8wXWCt8.fyHFQHPVNVNRP4NNzhZlFz7-5lJc0CbLK2F6RvR-4v2iNfOyNE3nYSZgc2vEtUBe3ZhjvTpm4J1yEZkOE4Z0BGGvZTmlvhmhMP68Sx1R62jGjeRqYFUXoiFYvp3dkFqWw0PBy1Tpy3EKVsngWdKkAo-QhOdC6XlGnTqB_Mrg3h9Lbvb4mCJNQ7L7Odv9mS2b-yNbqCM8x3tNeN8LqAmYbF0sBuQMfqwtbWpZpAd9pOJAa1S8NwRRV4T-gVJkz0P9cbrXbmu18DLKcpAhFDTNp4mhA.W9QBWJCjEvKsWsB5YJdX9F1A6c9Y\"" : "\"@odata.nextLink\": \"" + nextLink + "\"")}},
          "value": [{{string.Join(",", messages)}}]
        }
        """;

    public static string Subscription(string id, DateTimeOffset expires, string notificationUrl) => $$"""
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
          "id": "{{id}}",
          "resource": "users/{{Mailbox}}/mailFolders('inbox')/messages",
          "applicationId": "24d3b144-21ae-4080-943f-7067b395b913",
          "changeType": "created",
          "clientState": null,
          "notificationUrl": "{{notificationUrl}}",
          "lifecycleNotificationUrl": "{{notificationUrl}}",
          "expirationDateTime": "{{expires.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}}",
          "creatorId": "8ee44408-0679-472c-bc2a-692812af3437"
        }
        """;
}
