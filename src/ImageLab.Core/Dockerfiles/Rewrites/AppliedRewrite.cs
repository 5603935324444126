namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>One transformation a suggestion is made of.</summary>
/// <param name="Id">The rewrite's id (<c>apt-no-install-recommends</c>).</param>
/// <param name="Title">What it does.</param>
/// <param name="Line">The 1-based line of the source Dockerfile it changes first.</param>
public sealed record AppliedRewrite(string Id, string Title, int Line);
