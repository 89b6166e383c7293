using Helpdesk.Application.Intake;
using Helpdesk.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace Helpdesk.FunctionApp.LocalRunner;

/// <summary>
/// The embedded mailbox's drop folder: every <c>.eml</c> file put in <c>{data}/mailbox/inbox/</c> is received like a
/// posted message, then moved to <c>processed/</c>, or to <c>rejected/</c> with the reason when it is not a message.
/// A file is moved only after the intake committed, so a crash in between receives it again (and dedupe holds).
/// </summary>
public sealed partial class MailDropFolderWatcher(
    LocalMailboxPaths paths,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<LocalRunnerOptions> options,
    ILogger<MailDropFolderWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(paths.Inbox);
        Directory.CreateDirectory(paths.Processed);
        Directory.CreateDirectory(paths.Rejected);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.DropFolderPollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogScanFailed(logger, ex);
                try
                {
                    await Task.Delay(options.Value.DropFolderPollInterval, clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(paths.Inbox, "*.eml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            await ReceiveFileAsync(file, cancellationToken).ConfigureAwait(false);
        }

        return files.Count;
    }

    private async Task ReceiveFileAsync(string file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        using var scope = scopes.CreateScope();
        var intake = scope.ServiceProvider.GetRequiredService<TicketIntake>();
        try
        {
            Domain.Mail.InboundEmail email;
            await using (var stream = File.OpenRead(file))
            {
                email = await MimeMessageParser.ParseAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            var result = await intake.ReceiveEmailAsync(email, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            LogReceived(logger, name, result.Outcome, result.Protocol);
            if (result.Outcome == IntakeOutcome.InProgress)
            {
                return; // left in the folder: the next scan delivers it again
            }

            File.Move(file, Path.Combine(paths.Processed, name), overwrite: true);
        }
        catch (UnreadableMessageException ex)
        {
            File.Move(file, Path.Combine(paths.Rejected, name), overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(paths.Rejected, name + ".reason.txt"), ex.Message, cancellationToken).ConfigureAwait(false);
            LogRejected(logger, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drop folder file {File}: {Outcome} {Protocol}")]
    private static partial void LogReceived(ILogger logger, string file, IntakeOutcome outcome, string? protocol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drop folder file {File} is not a message; moved to rejected/")]
    private static partial void LogRejected(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scanning the mail drop folder failed; it will try again")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
