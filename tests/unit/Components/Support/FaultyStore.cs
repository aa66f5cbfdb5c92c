using System.Reflection;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Components.Tests.Support;

/// <summary>
/// Wraps a real store and fails chosen calls, the way a database that went away fails them.
/// </summary>
public class FaultyStore : DispatchProxy
{
    private IPreferenceStore _inner = default!;
    private Func<string, bool> _fails = _ => false;

    public static IPreferenceStore Wrap(IPreferenceStore inner, Func<string, bool> fails)
    {
        var proxy = Create<IPreferenceStore, FaultyStore>();
        var self = (FaultyStore)(object)proxy;
        self._inner = inner;
        self._fails = fails;
        return proxy;
    }

    /// <summary>Fails every write of preferences.</summary>
    public static IPreferenceStore FailingCommits(IPreferenceStore inner) => Wrap(inner, name => name == nameof(IPreferenceStore.TryCommitChangeAsync));

    /// <summary>Fails every call.</summary>
    public static IPreferenceStore Down(IPreferenceStore inner) => Wrap(inner, _ => true);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_fails(targetMethod.Name))
            throw new InvalidOperationException($"The database is unreachable ({targetMethod.Name}).");
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
