using System.Threading.Channels;
using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Storage.Model;

namespace PreferenceUiKit.Storage;

/// <summary>
/// Group commit of preference changes on SQLite, where one writer holds the database at a time anyway: changes that
/// arrive while a commit is running wait for the next one, which writes them all in one transaction (each inside its
/// own savepoint, so one change that fails or finds its version moved is rolled back alone) and then answers every
/// caller. No caller is answered before its change is durable, and the fsync of a commit is paid once per batch.
/// </summary>
internal sealed class GroupCommit(Func<Task<PreferenceDbContext>> open)
{
    /// <summary>Most changes written by one transaction.</summary>
    public const int MaxBatch = 256;

    private sealed record Pending(PreferenceChange Change, CancellationToken Ct)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _writerStarted;

    /// <summary>Queues a change; completes after the transaction that carries it has committed (or failed).</summary>
    public Task<bool> CommitAsync(PreferenceChange change, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new Pending(change, ct);
        _queue.Writer.TryWrite(pending);
        if (Interlocked.Exchange(ref _writerStarted, 1) == 0)
            _ = Task.Run(WriteLoopAsync, CancellationToken.None);
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                if (next.Ct.IsCancellationRequested) next.Done.TrySetCanceled(next.Ct);
                else batch.Add(next);
            }
            if (batch.Count == 0) continue;
            try
            {
                await CommitBatchAsync(batch);
            }
            catch (Exception e)
            {
                foreach (var p in batch) p.Done.TrySetException(e);
            }
            batch.Clear();
        }
    }

    private async Task CommitBatchAsync(List<Pending> batch)
    {
        var results = new bool[batch.Count];
        var failures = new Exception?[batch.Count];
        await using (var db = await open())
        {
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                const string savepoint = "change";
                await tx.CreateSavepointAsync(savepoint, CancellationToken.None);
                try
                {
                    // Once in a batch a change is written even if its caller has gone: it is answered either way.
                    results[i] = await EfPreferenceStore.ApplyChangeAsync(db, batch[i].Change,
                        () => tx.RollbackToSavepointAsync(savepoint, CancellationToken.None), CancellationToken.None);
                    if (results[i]) await tx.ReleaseSavepointAsync(savepoint, CancellationToken.None);
                }
                catch (Exception e)
                {
                    failures[i] = e;
                    try
                    {
                        await tx.RollbackToSavepointAsync(savepoint, CancellationToken.None);
                    }
                    catch (Exception)
                    {
                        throw e; // the transaction itself is broken: the whole batch fails with the first cause
                    }
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            await tx.CommitAsync(CancellationToken.None);
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } e) batch[i].Done.TrySetException(e);
            else batch[i].Done.TrySetResult(results[i]);
        }
    }
}
