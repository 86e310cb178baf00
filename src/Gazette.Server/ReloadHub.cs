using System.Threading.Channels;

namespace Gazette.Server;

/// <summary>The browsers listening for rebuilds over Server-Sent Events.</summary>
internal sealed class ReloadHub
{
    private readonly Lock _lock = new();
    private readonly List<Channel<(string Event, string Data)>> _clients = [];

    /// <summary>The diagnostics of the last failed build, shown as an overlay; null when the last build succeeded.</summary>
    public string? CurrentErrors { get; private set; }

    public Channel<(string Event, string Data)> Subscribe()
    {
        var channel = Channel.CreateUnbounded<(string, string)>();
        lock (_lock)
        {
            _clients.Add(channel);
        }

        if (CurrentErrors is { } errors)
        {
            channel.Writer.TryWrite(("errors", errors));
        }

        return channel;
    }

    public void Unsubscribe(Channel<(string Event, string Data)> channel)
    {
        lock (_lock)
        {
            _clients.Remove(channel);
        }
    }

    public void Reload()
    {
        CurrentErrors = null;
        Broadcast("reload", "");
    }

    public void ShowErrors(string errors)
    {
        CurrentErrors = errors;
        Broadcast("errors", errors);
    }

    public int ClientCount
    {
        get
        {
            lock (_lock)
            {
                return _clients.Count;
            }
        }
    }

    private void Broadcast(string name, string data)
    {
        lock (_lock)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite((name, data));
            }
        }
    }
}
