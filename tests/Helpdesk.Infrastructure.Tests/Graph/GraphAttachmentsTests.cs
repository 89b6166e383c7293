using System.Security.Cryptography;
using Helpdesk.Application.Content;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Infrastructure.Azure.Graph;
using Helpdesk.Infrastructure.Content;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.Graph;

/// <summary>Issue 20 through the real Graph SDK against the loopback stand-in: a message is fetched with its attachments
/// expanded (inline ones too, and with a delta resync, which cannot expand them); a reply's files go on the draft, small
/// ones as file attachments and large ones through an upload session whose URL gets no Graph token.</summary>
public sealed class GraphAttachmentsTests : IAsyncLifetime
{
    private readonly GraphStandIn _standIn = new();
    private readonly LocalFolderContentStore _content = new(Path.Combine(Path.GetTempPath(), "helpdesk-graph-files", Guid.NewGuid().ToString("N")));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _standIn.DisposeAsync();

    private GraphOptions Options => _standIn.ClientOptions(_standIn.AuthorityHost);

    private static readonly GraphStandInFile[] Files =
    [
        new("relatório técnico.pdf", "application/pdf", "%PDF-1.4 relatório"u8.ToArray()),
        new("image001.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], IsInline: true, ContentId: "image001.png@01DB"),
    ];

    [Fact]
    public async Task A_fetched_message_carries_its_file_and_inline_attachments_with_their_bytes()
    {
        var id = _standIn.Deliver("files@ifsp.edu.br", "maria.silva@ifsp.edu.br", "Erro", "Segue.", files: Files, html: "<p>Segue <img src=\"cid:image001.png@01DB\"></p>");
        var mailbox = new GraphMailbox(GraphClientFactory.Create(Options), Options, TimeProvider.System, NullLogger<GraphMailbox>.Instance);

        var email = await mailbox.FetchAsync(id, Ct);

        Assert.NotNull(email);
        Assert.Equal(["relatório técnico.pdf", "image001.png"], email.Attachments.Select(a => a.FileName));
        Assert.Equal(Files[0].Bytes, email.Attachments[0].Content.ToArray());
        Assert.True(email.Attachments[1].Inline);
        Assert.Equal("image001.png@01DB", email.Attachments[1].ContentId);
        Assert.Single(_standIn.Calls, c => c.Method == "GET" && c.PathAndQuery.Contains("$expand=attachments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resynchronised_message_that_may_hold_files_is_fetched_again_with_them()
    {
        _standIn.Deliver("inline-only@ifsp.edu.br", "maria.silva@ifsp.edu.br", "Erro", "Segue.", files: [Files[1]], html: "<p><img src=\"cid:image001.png@01DB\"></p>");
        _standIn.Deliver("plain@ifsp.edu.br", "joao@ifsp.edu.br", "Outro", "Sem anexos.");
        var mailbox = new GraphMailbox(GraphClientFactory.Create(Options), Options, TimeProvider.System, NullLogger<GraphMailbox>.Instance);

        var emails = await mailbox.ResyncAsync(Ct);

        var inline = Assert.Single(emails, e => e.MessageId == "<inline-only@ifsp.edu.br>");
        Assert.Equal(Files[1].Bytes, Assert.Single(inline.Attachments).Content.ToArray());
        Assert.Empty(Assert.Single(emails, e => e.MessageId == "<plain@ifsp.edu.br>").Attachments);
    }

    [Fact]
    public async Task A_replys_files_go_on_the_draft_small_ones_directly_and_large_ones_through_an_upload_session()
    {
        var original = _standIn.Deliver("question@ifsp.edu.br", "maria.silva@ifsp.edu.br", "Erro", "Bom dia.");
        var small = "instruções"u8.ToArray();
        var large = RandomNumberGenerator.GetBytes(GraphOutgoingMailbox.SliceBytes + 1_234_567); // two slices, over the 3 MB direct limit
        var smallKey = await _content.PutAsync(small, "text/plain", Ct);
        var largeKey = await _content.PutAsync(large, "application/zip", Ct);
        var email = new OutboundEmail(Guid.NewGuid(), Guid.NewGuid().ToString("N"), "20260000001", "reply@x", "maria.silva@ifsp.edu.br", "RE: Erro", "Segue.", "<question@ifsp.edu.br>", ["<question@ifsp.edu.br>"], MessagePurposes.Reply)
        {
            Attachments = [new("instruções.txt", "text/plain", small.Length, ContentKeys.Digest(smallKey)), new("logs.zip", "application/zip", large.Length, ContentKeys.Digest(largeKey))],
        };

        await new GraphOutgoingMailbox(GraphClientFactory.Create(Options), Options, new NoThreads(), _content).SendAsync(email, Ct);

        var sent = Assert.Single(_standIn.Sent);
        Assert.Equal(original, sent.ReplyToMessageId);
        var direct = Assert.Single(sent.Attachments, a => !a.ViaUploadSession);
        Assert.Equal("instruções.txt", direct.Name);
        Assert.Equal(small, direct.Bytes);
        var uploaded = Assert.Single(sent.Attachments, a => a.ViaUploadSession);
        Assert.Equal("logs.zip", uploaded.Name);
        Assert.Equal(SHA256.HashData(large), SHA256.HashData(uploaded.Bytes));
        var slices = _standIn.Calls.Where(c => c.Method == "PUT").ToList();
        Assert.Equal(2, slices.Count);
        Assert.All(slices, s => Assert.Null(s.Authorization)); // the pre-authenticated URL gets no Graph token
    }

    private sealed class NoThreads : IThreadIndex
    {
        public Task AddMessageIdAsync(TicketRef ticket, string messageId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
