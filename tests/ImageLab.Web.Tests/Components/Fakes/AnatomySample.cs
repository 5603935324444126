using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>A small Debian image's anatomy as the packages API answers it: three packages, two unowned folders, four kinds.</summary>
public static class AnatomySample
{
    public const long Total = 200_000_000;
    public const long Python = 21_456_789;
    public const long Curl = 2_000_000;
    public const long Krb5 = 1_543_211;
    public const long App = 60_000_000;
    public const long UsrLocal = Total - Python - Curl - Krb5 - App;

    public static IReadOnlyList<LayerSource> Layers { get; } =
    [
        new("base sha256:a", "base image layer 1"),
        new("RUN apt-get install -y python3", "layer 2 `RUN apt-get install -y python3`"),
        new("COPY . .", "layer 3 `COPY . .`"),
    ];

    public static PackagesResponse Packages() => new(
        IterationId: 42,
        TotalBytes: Total,
        PackageBytes: Python + Curl + Krb5,
        UnownedBytes: App + UsrLocal,
        TotalCount: 3,
        Offset: 0,
        Limit: 25,
        Packages:
        [
            new PackageResponse("dpkg", "python3.11", "3.11.2-6+deb12u1", "", Python, 1_234, 1, Layers[1].Label, new InstallReasonResponse("dependency", ["python3"])),
            new PackageResponse("dpkg", "curl", "7.88.1-10", "", Curl, 12, 1, Layers[1].Label, new InstallReasonResponse("requested", [])),
            new PackageResponse("dpkg", "krb5-locales", "1.20.1-2", "", Krb5, 40, 1, Layers[1].Label, new InstallReasonResponse("recommendsOnly", ["libgssapi-krb5-2"])),
        ],
        Unowned: [new FolderBytes("/usr/local", UsrLocal, 3_000, [new LayerBytes(0, UsrLocal, 3_000)]), new FolderBytes("/app", App, 2, [new LayerBytes(2, App, 2)])],
        Kinds:
        [
            new KindBytes(ByteKind.Other, 150_000_000, 5_000),
            new KindBytes(ByteKind.Documentation, 30_000_000, 800),
            new KindBytes(ByteKind.PackageCaches, 19_998_000, 40),
            new KindBytes(ByteKind.Locales, 2_000, 2),
        ]);

    public static PackageFilesResponse PythonFiles() => new(
        42, "dpkg:python3.11", Python, 1_234, 0, 200,
        [
            new AttributedFile("/usr/lib/python3.11/config-3.11-x86_64-linux-gnu/libpython3.11.a", 1, 15_000_000, ByteKind.StaticLibrariesAndHeaders, new PackageKey(PackageManager.Dpkg, "python3.11")),
            new AttributedFile("/usr/bin/python3.11", 1, 6_456_789, ByteKind.Other, new PackageKey(PackageManager.Dpkg, "python3.11")),
        ]);

    /// <summary>The debug-info drill: an unstripped program (its .debug sections count) and a separate debug file (all of it).</summary>
    public static PackageFilesResponse DebugFiles() => new(
        42, "kind:DebugInfo", 5_000_000 + 700_000, 2, 0, 200,
        [
            new AttributedFile("/app/server", 2, 8_000_000, ByteKind.Other, null, DebugSectionBytes: 5_000_000),
            new AttributedFile("/usr/lib/debug/.build-id/ab/cdef.debug", 1, 700_000, ByteKind.DebugInfo, new PackageKey(PackageManager.Dpkg, "libc6-dbg")),
        ]);
}
