using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PreferenceUiKit.Host.Sending;

/// <summary>Hands a finished message to its way out.</summary>
public interface IMailDelivery
{
    /// <summary>
    /// Delivers one message; throws when it could not. The message's body may be read from a buffer the sender
    /// reuses for the next recipient, so the message is written (or copied) before the returned task completes.
    /// </summary>
    Task DeliverAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Writes each message as an <c>.eml</c> file (written under a temporary name, then renamed, so readers never see half a file).</summary>
public sealed class PickupDirectoryDelivery(IOptions<MailOptions> options) : IMailDelivery
{
    private readonly string _directory = Path.GetFullPath(options.Value.PickupDirectory);

    /// <inheritdoc />
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(_directory);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
        var temp = Path.Combine(_directory, name + ".tmp");
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            await message.WriteToAsync(file, ct);
        File.Move(temp, Path.Combine(_directory, name + ".eml"));
    }
}

/// <summary>Sends through SMTP with MailKit, keeping one connection open between messages.</summary>
public sealed class SmtpDelivery(IOptions<MailOptions> options) : IMailDelivery, IAsyncDisposable
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    /// <inheritdoc />
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var client = await ConnectedAsync(ct);
                    await client.SendAsync(message, ct);
                    return;
                }
                catch (Exception ex) when (attempt == 0 && ex is IOException or ServiceNotConnectedException or SmtpProtocolException)
                {
                    _client?.Dispose();
                    _client = null; // the connection dropped: reconnect once
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true }) return _client;
        _client?.Dispose();
        _client = new SmtpClient();
        var tls = Enum.TryParse<SecureSocketOptions>(_smtp.Tls, ignoreCase: true, out var t) ? t : SecureSocketOptions.Auto;
        await _client.ConnectAsync(_smtp.Host, _smtp.Port, tls, ct);
        if (!string.IsNullOrEmpty(_smtp.User))
            await _client.AuthenticateAsync(_smtp.User, _smtp.Password ?? "", ct);
        return _client;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            try { await _client.DisconnectAsync(true); } catch (Exception) { /* closing anyway */ }
        }
        _client?.Dispose();
        _gate.Dispose();
    }
}
