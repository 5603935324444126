using ImageLab.Testing;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>The same ladder, built, measured and analyzed into the embedded SQLite store.</summary>
public sealed class SqliteLadderFixture : LadderFixture
{
    protected override TestStoreKind Store => TestStoreKind.Sqlite;
}
