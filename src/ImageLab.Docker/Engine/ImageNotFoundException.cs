namespace ImageLab.Docker.Engine;

/// <summary>An image named in a call does not exist on the engine; the message names it.</summary>
public sealed class ImageNotFoundException : Exception
{
    public ImageNotFoundException()
    {
    }

    public ImageNotFoundException(string message)
        : base(message)
    {
    }

    public ImageNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
