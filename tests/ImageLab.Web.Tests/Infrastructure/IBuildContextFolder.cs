namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>A build context a test writes to a temporary folder, with a naive Dockerfile to submit.</summary>
public interface IBuildContextFolder
{
    /// <summary>The folder to upload.</summary>
    string Folder { get; }

    /// <summary>The context's files but the Dockerfile, for a build of another Dockerfile in a copy of it.</summary>
    IEnumerable<string> ContextFiles { get; }
}
