namespace ImageLab.Docker.Engine;

/// <summary>The engine answered a request with an error status; <see cref="EngineMessage"/> is the engine's own reason.</summary>
public sealed class EngineRefusedException : InvalidOperationException
{
    public EngineRefusedException()
    {
        EngineMessage = string.Empty;
    }

    public EngineRefusedException(string message)
        : base(message)
    {
        EngineMessage = string.Empty;
    }

    public EngineRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        EngineMessage = string.Empty;
    }

    public EngineRefusedException(string message, string engineMessage)
        : base(message)
    {
        EngineMessage = engineMessage;
    }

    public string EngineMessage { get; }
}
