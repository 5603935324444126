namespace ImageLab.Web.Hosting;

/// <summary>What this process does, decided once at start from <c>--role</c> and <c>Worker:Enabled</c>.</summary>
/// <param name="Role">The <c>--role</c> it runs.</param>
/// <param name="RunsBuilds">
/// Whether it claims and builds iterations: <c>all</c> and <c>worker</c> do, unless <c>Worker:Enabled</c> is false
/// (with <c>all</c>: a process that serves without building); <c>web</c> never does.
/// </param>
public sealed record ProcessRole(ImageLabRole Role, bool RunsBuilds)
{
    /// <summary>Whether this process serves the pages, the REST API and the hub.</summary>
    public bool ServesWeb => Role != ImageLabRole.Worker;
}
