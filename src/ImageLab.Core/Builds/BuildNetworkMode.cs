namespace ImageLab.Core.Builds;

/// <summary>The network a build's RUN steps get.</summary>
public enum BuildNetworkMode
{
    /// <summary>The engine's default network (a bridge).</summary>
    Default,

    /// <summary>The host's network: needed on engines started without a bridge.</summary>
    Host,

    /// <summary>No network at all: the safe choice for builds that need none.</summary>
    None,
}
