namespace ImageLab.Web.Intake;

/// <summary>An upload went past the size limit; it was refused while streaming.</summary>
public sealed class UploadTooLargeException : Exception
{
    public UploadTooLargeException()
    {
    }

    public UploadTooLargeException(long limitBytes)
        : base($"The upload is larger than the limit of {ByteSize.Format(limitBytes)} (Database:MaxContextBytes); it was refused before it was all read. Add a .dockerignore or upload less.")
    {
    }

    public UploadTooLargeException(string message)
        : base(message)
    {
    }

    public UploadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
