namespace PreferenceUiKit.Storage.Outbox;

/// <summary>How the outbox dispatcher works (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Whether this host dispatches events at all (<c>Outbox:Enabled</c>, default true).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Wait between polls when nothing was due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Events claimed per poll.</summary>
    public int BatchSize { get; set; } = 50;
    /// <summary>Events delivered at the same time within a batch.</summary>
    public int MaxParallelDeliveries { get; set; } = 4;
    /// <summary>How long a claim keeps other hosts away; longer than the slowest sink's timeout.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Delay after the first failed attempt; each further failure doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Longest delay between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Delay before the next attempt after <paramref name="failedAttempts"/> failures (1, 2, …).</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = RetryBaseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>The webhook sink (configuration section <c>Outbox:Webhook</c>); it is registered when <see cref="Url"/> is set.</summary>
public sealed class WebhookOptions
{
    /// <summary>Receiver address (absolute http or https URL).</summary>
    public Uri? Url { get; set; }
    /// <summary>Shared secret for the HMAC-SHA256 signature header.</summary>
    public string Secret { get; set; } = "";
    /// <summary>Time allowed for one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
