using System.Formats.Tar;
using System.Text.Json;

namespace ImageLab.Core.Layers.Internal;

/// <summary>One pass over one save stream: collects JSON documents and layer analyses, then orders them.</summary>
internal sealed class SaveStreamSession(ImageAnalysisOptions options, ILayerAnalysisCache? cache)
{
    private const int ReadBufferBytes = 128 * 1024;

    private readonly PathInterner _interner = new();
    private readonly Dictionary<string, byte[]> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LayerAnalysis> _layersByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _layerErrors = new(StringComparer.Ordinal);
    private readonly List<LayerAnalysis> _layersInStreamOrder = [];
    private readonly List<string> _warnings = [];
    private bool _sawOciLayout;
    private int _fromCache;
    private int _analyzed;

    public async Task<ImageAnalysisResult> RunAsync(Stream saveStream, CancellationToken cancellationToken)
    {
        try
        {
            await ReadStreamAsync(saveStream, cancellationToken).ConfigureAwait(false);
            var analysis = Assemble();
            return new ImageAnalysisResult(analysis, null, analysis.Layers.Select(l => l.Layer).ToList(), _fromCache, _analyzed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new ImageAnalysisResult(null, Describe(ex), _layersInStreamOrder, _fromCache, _analyzed);
        }
    }

    private async Task ReadStreamAsync(Stream saveStream, CancellationToken cancellationToken)
    {
        // Tar headers come in 512-byte reads: served from one buffer instead of one call each to the source (a pipe or
        // an HTTP body). Not disposed: that would close the caller's stream, and it holds nothing but its buffer.
        var buffered = new BufferedStream(saveStream, ReadBufferBytes);
        var reader = new TarReader(buffered, leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                var name = SavePaths.Normalize(entry.Name);
                switch (entry.EntryType)
                {
                    case TarEntryType.SymbolicLink:
                        _links[name] = SavePaths.ResolveRelative(name, entry.LinkName);
                        continue;
                    case TarEntryType.HardLink:
                        _links[name] = SavePaths.Normalize(entry.LinkName);
                        continue;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        break;
                    default:
                        continue;
                }

                if (name is "manifest.json" or "index.json" || (name.EndsWith(".json", StringComparison.Ordinal) && !name.Contains('/')))
                {
                    await ReadDocumentAsync(name, entry, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                }
                else if (name == "oci-layout")
                {
                    _sawOciLayout = true;
                }
                else if (name.EndsWith("/layer.tar", StringComparison.Ordinal) || name.StartsWith("blobs/", StringComparison.Ordinal))
                {
                    await ReadBlobAsync(name, entry, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task ReadBlobAsync(string name, TarEntry entry, CancellationToken cancellationToken)
    {
        var data = entry.DataStream ?? Stream.Null;
        var head = new byte[BlobSniffer.PeekLength];
        var headLength = await data.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var kind = BlobSniffer.Detect(head.AsSpan(0, headLength));
        var isLegacyLayer = name.EndsWith("/layer.tar", StringComparison.Ordinal);

        if (kind == BlobKind.Json && !isLegacyLayer)
        {
            await ReadDocumentAsync(name, entry, head.AsMemory(0, headLength), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (kind is not (BlobKind.Tar or BlobKind.Gzip or BlobKind.Zstd) && !isLegacyLayer)
        {
            return;
        }

        var compression = kind switch
        {
            BlobKind.Gzip => LayerBlobCompression.Gzip,
            BlobKind.Zstd => LayerBlobCompression.Zstd,
            _ => LayerBlobCompression.None,
        };

        var keys = CacheKeys(name);
        if (cache is not null)
        {
            foreach (var key in keys)
            {
                if (await cache.TryGetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
                {
                    // The tar reader skips the rest of this entry's bytes when it moves to the next entry.
                    Accept(name, cached);
                    _fromCache++;
                    return;
                }
            }
        }

        LayerAnalysis analysis;
        try
        {
            analysis = await LayerTarAnalyzer.AnalyzeAsync(
                new PrefixedReadStream(head.AsMemory(0, headLength), data),
                compression,
                entry.Length,
                options,
                _interner,
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A corrupt layer does not end the pass: the outer reader can still skip to the next entry, and if the
            // outer stream itself is broken, its own error will follow.
            _layerErrors[name] = $"The layer blob \"{name}\" could not be read ({Describe(ex, withPrefix: false)})";
            return;
        }

        _analyzed++;
        Accept(name, analysis);
        if (cache is not null)
        {
            var aliases = keys.Where(k => !string.Equals(k, analysis.DiffId, StringComparison.Ordinal)).ToList();
            await cache.StoreAsync(analysis, aliases, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Accept(string name, LayerAnalysis analysis)
    {
        _layersByPath[name] = analysis;
        _layersInStreamOrder.Add(analysis);
    }

    /// <summary>What can name this blob's content before reading it; see <see cref="ILayerAnalysisCache"/>.</summary>
    private List<string> CacheKeys(string name)
    {
        var keys = new List<string>(2);
        if (SavePaths.TryGetBlobDigest(name, out var digest))
        {
            keys.Add(digest);
        }
        else if (name.EndsWith("/layer.tar", StringComparison.Ordinal))
        {
            keys.Add("legacy:" + name[..^"/layer.tar".Length]);
        }

        // When the manifest and config came first (rare in docker save, but allowed), the DiffID is known already.
        try
        {
            if (TryReadLayout(out var layout) && TryReadConfig(layout.ConfigPath, out var config))
            {
                var index = layout.LayerPaths.FindIndex(p => string.Equals(p, name, StringComparison.Ordinal));
                if (index >= 0 && index < config.DiffIds.Count && !keys.Contains(config.DiffIds[index]))
                {
                    keys.Insert(0, config.DiffIds[index]);
                }
            }
        }
        catch (JsonException)
        {
            // A broken manifest is reported when the image is assembled; here it only means no early DiffID.
        }

        return keys;
    }

    private async Task ReadDocumentAsync(string name, TarEntry entry, ReadOnlyMemory<byte> head, CancellationToken cancellationToken)
    {
        if (entry.Length > options.MaxJsonDocumentBytes)
        {
            _warnings.Add($"The document \"{name}\" is {entry.Length} bytes, more than the {options.MaxJsonDocumentBytes} read into memory; it was skipped.");
            return;
        }

        var bytes = new byte[entry.Length];
        head.CopyTo(bytes);
        if (entry.DataStream is { } data && bytes.Length > head.Length)
        {
            await data.ReadExactlyAsync(bytes.AsMemory(head.Length), cancellationToken).ConfigureAwait(false);
        }

        _documents[name] = bytes;
    }

    private ImageAnalysis Assemble()
    {
        if (!TryReadLayout(out var layout))
        {
            throw new ImageAnalysisException(_layersInStreamOrder.Count > 0 || _documents.Count > 0
                ? "The save stream ended without a manifest.json or index.json: it is truncated, or it is not the output of docker save."
                : "The stream holds no image: it is empty, truncated, or not the output of docker save.");
        }

        if (!TryReadConfig(layout.ConfigPath, out var config))
        {
            throw new ImageAnalysisException($"The image config \"{layout.ConfigPath}\" named by the manifest is missing from the save stream; it may be truncated.");
        }

        if (config.DiffIds.Count != layout.LayerPaths.Count)
        {
            throw new ImageAnalysisException($"The manifest lists {layout.LayerPaths.Count} layers but the image config lists {config.DiffIds.Count}; the save stream is inconsistent.");
        }

        var layers = new List<LayerAnalysis>(layout.LayerPaths.Count);
        for (var i = 0; i < layout.LayerPaths.Count; i++)
        {
            var path = SavePaths.FollowLinks(layout.LayerPaths[i], _links);
            if (!_layersByPath.TryGetValue(path, out var layer))
            {
                throw new ImageAnalysisException(_layerErrors.TryGetValue(path, out var error)
                    ? $"Layer {i} of {layout.LayerPaths.Count}: {error}."
                    : $"Layer {i} of {layout.LayerPaths.Count} (\"{path}\") is missing from the save stream; it may be truncated.");
            }

            if (!string.Equals(layer.DiffId, config.DiffIds[i], StringComparison.Ordinal))
            {
                throw new ImageAnalysisException($"Layer {i} hashes to {layer.DiffId} but the image config expects {config.DiffIds[i]}; the save stream is corrupt.");
            }

            layers.Add(layer);
        }

        if (layout.ImageCount > 1)
        {
            _warnings.Add($"The save stream holds {layout.ImageCount} images; only the first was analyzed.");
        }

        var metadata = new ImageMetadata
        {
            ImageId = layout.ConfigDigest ?? SavePaths.DigestOfConfigPath(layout.ConfigPath),
            RepoTags = layout.RepoTags,
            CreatedBy = config.CreatedBy,
            Layout = _sawOciLayout || _documents.ContainsKey("index.json") ? SaveLayout.Oci : SaveLayout.Legacy,
            Warnings = _warnings,
        };
        return ImageAnalysis.FromLayers(layers, options, metadata);
    }

    private bool TryReadLayout(out SaveManifest layout)
    {
        if (_documents.TryGetValue("manifest.json", out var manifest))
        {
            layout = SaveManifest.FromDockerManifest(manifest);
            return true;
        }

        if (_documents.TryGetValue("index.json", out var index))
        {
            layout = SaveManifest.FromOciIndex(index, path => _documents.GetValueOrDefault(SavePaths.FollowLinks(path, _links)));
            return true;
        }

        layout = null!;
        return false;
    }

    private bool TryReadConfig(string configPath, out ImageConfigInfo config)
    {
        if (_documents.TryGetValue(SavePaths.FollowLinks(configPath, _links), out var bytes))
        {
            config = ImageConfigInfo.Parse(bytes);
            return true;
        }

        config = null!;
        return false;
    }

    private string Describe(Exception ex) => Describe(ex, withPrefix: true);

    private string Describe(Exception ex, bool withPrefix)
    {
        var read = _layersInStreamOrder.Count == 1 ? "1 layer" : $"{_layersInStreamOrder.Count} layers";
        var sentence = ex switch
        {
            ImageAnalysisException => ex.Message,
            EndOfStreamException => "the stream ended in the middle of an entry: it is truncated",
            InvalidDataException or FormatException => $"the data is not a valid tar or compressed archive: {ex.Message}",
            JsonException => $"a manifest or config is not valid JSON: {ex.Message}",
            ZstdSharp.ZstdException => $"the zstd data is corrupt: {ex.Message}",
            IOException => $"reading failed: {ex.Message}",
            _ => $"an unexpected error occurred: {ex.Message}",
        };

        if (!withPrefix)
        {
            return sentence;
        }

        if (ex is ImageAnalysisException)
        {
            return sentence;
        }

        return AppendLayerErrors($"The save stream could not be read after {read}: {sentence}.");
    }

    private string AppendLayerErrors(string sentence) =>
        _layerErrors.Count == 0 ? sentence : sentence + " " + string.Join(" ", _layerErrors.Values.Select(e => e + "."));
}
