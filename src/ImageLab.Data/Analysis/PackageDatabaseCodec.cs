namespace ImageLab.Data.Analysis;

/// <summary>
/// The stored form of a layer's package databases (<c>analyzed_layers.package_databases</c>): each path and text as
/// length-prefixed UTF-8, gzip'd (<see cref="PathMapCodec"/>). dpkg's file lists compress about tenfold.
/// </summary>
internal static class PackageDatabaseCodec
{
    public static byte[] Encode(IReadOnlyDictionary<string, string> databases) =>
        PathMapCodec.Encode(databases, (writer, text) => writer.Write(text));

    public static IReadOnlyDictionary<string, string> Decode(byte[] encoded) =>
        PathMapCodec.Decode(encoded, reader => reader.ReadString());
}
