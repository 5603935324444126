namespace ImageLab.Core.Layers;

/// <summary>A save stream or layer that cannot be analyzed; <see cref="Exception.Message"/> is a sentence for a person.</summary>
public sealed class ImageAnalysisException : Exception
{
    public ImageAnalysisException()
    {
    }

    public ImageAnalysisException(string message)
        : base(message)
    {
    }

    public ImageAnalysisException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
