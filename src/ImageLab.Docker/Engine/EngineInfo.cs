using ImageLab.Core.Engines;

namespace ImageLab.Docker.Engine;

/// <summary>
/// What an engine says about itself (<c>GET /version</c> and <c>GET /info</c>). <c>Id</c> is the engine's own identity
/// (<c>ID</c> in <c>GET /info</c>), the same whichever endpoint reaches it; the endpoint when the engine gives none.
/// </summary>
public sealed record EngineInfo(
    string Endpoint,
    string EngineVersion,
    string ApiVersion,
    string Os,
    string Architecture,
    string StorageDriver,
    ImageStoreKind ImageStore,
    string Id)
{
    /// <summary>The engine as an iteration records it.</summary>
    public EngineDescription Description => new(EngineVersion, ApiVersion, StorageDriver, ImageStore);
}
