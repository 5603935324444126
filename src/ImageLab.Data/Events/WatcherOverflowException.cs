namespace ImageLab.Data.Events;

/// <summary>A watcher fell too far behind the live events; it resumes from the store.</summary>
public sealed class WatcherOverflowException : Exception
{
    public WatcherOverflowException()
        : base("The watcher fell behind the live events.")
    {
    }

    public WatcherOverflowException(string message)
        : base(message)
    {
    }

    public WatcherOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
