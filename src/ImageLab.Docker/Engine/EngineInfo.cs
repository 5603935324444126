using ImageLab.Core.Engines;

namespace ImageLab.Docker.Engine;

/// <summary>What an engine says about itself (<c>GET /version</c> and <c>GET /info</c>).</summary>
public sealed record EngineInfo(
    string Endpoint,
    string EngineVersion,
    string ApiVersion,
    string Os,
    string Architecture,
    string StorageDriver,
    ImageStoreKind ImageStore)
{
    /// <summary>The engine as an iteration records it.</summary>
    public EngineDescription Description => new(EngineVersion, ApiVersion, StorageDriver, ImageStore);
}
