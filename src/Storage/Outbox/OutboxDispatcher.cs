using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreferenceUiKit.Core.Events;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Storage.Outbox;

/// <summary>
/// Delivers Channel Unsubscribed events from the store's outbox to every registered <see cref="IChannelEventSink"/>,
/// at least once: it claims due events under a lease (so other hosts leave them alone), delivers each to every sink,
/// marks it delivered, and on any failure schedules a retry with exponential backoff. Receivers drop repeats by the
/// event id.
/// </summary>
public sealed class OutboxDispatcher : BackgroundService
{
    private readonly IPreferenceStore _store;
    private readonly IChannelEventSink[] _sinks;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the dispatcher.</summary>
    public OutboxDispatcher(IPreferenceStore store, IEnumerable<IChannelEventSink> sinks, IOptions<OutboxOptions> options,
        TimeProvider? time = null, ILogger<OutboxDispatcher>? logger = null)
    {
        _store = store;
        _sinks = sinks.ToArray();
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<OutboxDispatcher>.Instance;
    }

    /// <summary>This dispatcher's name in outbox leases: machine, process and a random part.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "The outbox could not be read; trying again in {Delay}.", _options.PollInterval);
            }
            if (claimed > 0) continue; // more may be waiting
            try
            {
                await Task.Delay(_options.PollInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims one batch of due events and delivers it; returns how many were claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct = default)
    {
        var batch = await _store.ClaimPendingEventsAsync(Owner, _options.BatchSize, _options.Lease, ct);
        if (batch.Count == 0) return 0;
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelDeliveries), CancellationToken = ct },
            async (message, token) => await DeliverAsync(message, token));
        return batch.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            foreach (var sink in _sinks)
                await sink.DeliverAsync(message.Event, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var attempt = message.Attempts + 1;
            var retryAt = _time.GetUtcNow() + _options.RetryDelay(attempt);
            _logger.LogWarning(e, "Delivery of event {EventId} failed (attempt {Attempt}); retrying at {RetryAt:O}.", message.Event.Id, attempt, retryAt);
            await _store.MarkFailedAsync(message.Event.Id, retryAt, e.Message, CancellationToken.None);
            return;
        }
        await _store.MarkDeliveredAsync(message.Event.Id, CancellationToken.None);
    }
}
