using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Linting;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.MergeTags;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Host.Sending;

/// <summary>Counts of a send: sent, skipped as opted out (S14), failed to deliver.</summary>
public sealed record SendSummary(int Sent, int Skipped, int Failed);

/// <summary>Progress of a running send.</summary>
public sealed record SendProgress(int Total, int Processed, int Sent, int Skipped, int Failed);

/// <summary>A campaign that may not be sent as it is: the linter's errors (B7, S9) or the mode (S1).</summary>
public sealed class CampaignRefusedException(string message, IReadOnlyList<LintFinding> findings) : Exception(message)
{
    /// <summary>The linter's findings that block the send.</summary>
    public IReadOnlyList<LintFinding> Findings { get; } = findings;
}

/// <summary>
/// Sends campaigns: lints the template (errors refuse the send), resolves the audience through Core's eligibility
/// (S14), renders each recipient through the compiled template, builds MIME with the unsubscribe headers and
/// hands it to the configured delivery.
/// </summary>
public sealed class CampaignSender(
    IPreferenceStore store,
    PreferenceLinkBuilder links,
    CampaignMessageFactory messages,
    IMailDelivery delivery,
    ILogger<CampaignSender> logger)
{
    private const int BatchSize = 500;

    /// <summary>Lints a campaign's template against the current settings and groups.</summary>
    public async Task<LintReport> LintAsync(string html, CancellationToken ct = default)
    {
        var settings = await store.GetSettingsAsync(ct);
        var groups = await store.ListGroupsAsync(false, ct);
        return TemplateLinter.Lint(html, new LintContext(settings.Mode, groups.Count > 0));
    }

    /// <summary>Sends a campaign to every eligible contact.</summary>
    /// <exception cref="PreferenceValidationException">The campaign does not exist.</exception>
    /// <exception cref="CampaignRefusedException">The template has linter errors.</exception>
    public async Task<SendSummary> SendAsync(Guid campaignId, IProgress<SendProgress>? progress = null, CancellationToken ct = default)
    {
        var (campaign, template, settings) = await PrepareAsync(campaignId, ct);
        var groups = (await store.ListGroupsAsync(true, ct)).ToDictionary(g => g.Id);
        var total = (await store.ListContactsAsync(null, 0, 0, ct)).Total;
        int sent = 0, skipped = 0, failed = 0, processed = 0;
        var batch = new List<Contact>(BatchSize);
        var body = new ArrayBufferWriter<byte>(template.Source.Length + 512);

        async Task FlushAsync()
        {
            var prefs = await store.GetPreferencesAsync(batch.Select(c => c.Id).ToList(), ct);
            foreach (var contact in batch)
            {
                processed++;
                if (!PreferenceRules.DecideSend(campaign, prefs.GetValueOrDefault(contact.Id), groups).Sends()) { skipped++; continue; }
                try
                {
                    await DeliverAsync(campaign, template, settings, contact.Id, contact.Email, isTest: false, body, ct);
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed++;
                    logger.LogWarning(ex, "Could not deliver campaign {CampaignId} to contact {ContactId}", campaign.Id, contact.Id);
                }
            }
            batch.Clear();
            progress?.Report(new SendProgress(total, processed, sent, skipped, failed));
        }

        await foreach (var contact in store.StreamContactsAsync(ct))
        {
            batch.Add(contact);
            if (batch.Count == BatchSize) await FlushAsync();
        }
        if (batch.Count > 0) await FlushAsync();
        logger.LogInformation("Campaign {CampaignId} sent: {Sent} sent, {Skipped} skipped, {Failed} failed", campaign.Id, sent, skipped, failed);
        return new SendSummary(sent, skipped, failed);
    }

    /// <summary>
    /// Sends one test message to an address, with test-flagged links (S6, S10: the pages show, nothing is saved) and
    /// "[Test]" in the subject.
    /// </summary>
    public async Task SendTestAsync(Guid campaignId, string email, CancellationToken ct = default)
    {
        var address = Contact.NormalizeEmail(email);
        var (campaign, template, settings) = await PrepareAsync(campaignId, ct);
        var contact = await store.FindContactByEmailAsync(address, ct);
        await DeliverAsync(campaign, template, settings, contact?.Id ?? Guid.Empty, address, isTest: true, new ArrayBufferWriter<byte>(template.Source.Length + 512), ct);
    }

    private async Task<(Campaign, CompiledTemplate, ProviderSettings)> PrepareAsync(Guid campaignId, CancellationToken ct)
    {
        var campaign = await store.GetCampaignAsync(campaignId, ct)
            ?? throw new PreferenceValidationException("id", ErrorCodes.CampaignNotFound, $"Campaign {campaignId} does not exist.", [campaignId.ToString()]);
        var report = await LintAsync(campaign.Html, ct);
        if (report.HasErrors)
            throw new CampaignRefusedException(
                "The campaign cannot be sent: " + string.Join(" ", report.Errors.Select(e => $"(line {e.Line}, column {e.Column}) {e.Message}")),
                report.Errors.ToList());
        return (campaign, CompiledTemplate.Compile(campaign.Html), await store.GetSettingsAsync(ct));
    }

    private async Task DeliverAsync(Campaign campaign, CompiledTemplate template, ProviderSettings settings, Guid contactId, string email,
        bool isTest, ArrayBufferWriter<byte> body, CancellationToken ct)
    {
        // One buffer serves every recipient of a send: the body is rendered into it already quoted-printable encoded
        // (the template's text is encoded once) and MimeKit copies it from there while the delivery writes the message,
        // so no per-email string is built and no per-email encoding pass runs.
        body.ResetWrittenCount();
        template.RenderQuotedPrintableTo(body, links.BuildRecipientLinks(settings, contactId, campaign.Id, isTest));
        MemoryMarshal.TryGetArray(body.WrittenMemory, out var html);
        var oneClick = links.BuildOneClickUrl(contactId, campaign.Id, isTest);
        var token = oneClick[(oneClick.LastIndexOf('/') + 1)..];
        var subject = string.IsNullOrWhiteSpace(campaign.Subject) ? campaign.Name : campaign.Subject;
        var message = messages.CreateEncoded(email, isTest ? "[Test] " + subject : subject, html, oneClick, token);
        await delivery.DeliverAsync(message, ct);
    }
}
