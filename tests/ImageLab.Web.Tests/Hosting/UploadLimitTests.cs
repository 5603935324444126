using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ImageLab.Core.IO;
using ImageLab.Testing;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.Hosting;

/// <summary>
/// Uploads past the context limit are refused while they stream, in the real app process, with its memory bounded:
/// a zip that expands to 1 GiB, and a 10 GB body that is never sent whole.
/// </summary>
public sealed class UploadLimitTests
{
    private const long Limit = 64L * 1024 * 1024;
    private const long MemoryGrowthBudget = 200L * 1024 * 1024;

    [Fact]
    public async Task Submit_ZipBombAndTenGigabyteBody_RefusedEarlyWithBoundedMemory()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["Database:MaxContextBytes"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["Worker:Enabled"] = "false",
        });
        using var http = app.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(2);
        var bomb = Path.Combine(Path.GetTempPath(), $"imagelab-bomb-{Guid.NewGuid():N}.zip");
        try
        {
            WriteZipBomb(bomb, 1L << 30);
            var before = MemoryOf(app.ProcessId, "VmRSS");

            // Act: the bomb (about 1 MB on the wire, 1 GiB inside)
            var bombClock = Stopwatch.StartNew();
            using var bombContent = new MultipartFormDataContent();
            var archive = new StreamContent(File.OpenRead(bomb));
            archive.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            bombContent.Add(archive, "context", "context.zip");
            using var bombResponse = await http.PostAsync(new Uri("/api/experiments", UriKind.Relative), bombContent);
            bombClock.Stop();

            // Act: 10 GB of zeros, generated as they are sent
            var body = new ZeroStream(10L * 1000 * 1000 * 1000);
            var bodyClock = Stopwatch.StartNew();
            HttpStatusCode? bodyStatus = null;
            string? bodyDetail = null;
            using (var huge = new MultipartFormDataContent())
            {
                huge.Add(new StreamContent(body), "context", "context.tar");
                try
                {
                    using var response = await http.PostAsync(new Uri("/api/experiments", UriKind.Relative), huge);
                    bodyStatus = response.StatusCode;
                    bodyDetail = (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail;
                }
                catch (HttpRequestException)
                {
                    // The server may close the connection on the rest of the body after it answered; what was sent is measured below.
                }
            }

            bodyClock.Stop();
            var peak = MemoryOf(app.ProcessId, "VmHWM");

            // Assert
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bombResponse.StatusCode);
            var bombProblem = await bombResponse.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Contains("larger than the limit of 67.1 MB", bombProblem!.Detail, StringComparison.Ordinal);
            Assert.True(bombClock.Elapsed < TimeSpan.FromSeconds(30), $"The zip bomb took {bombClock.Elapsed} to refuse.");

            Assert.True(body.Sent < 1L << 30, $"{body.Sent:N0} bytes were sent before the refusal.");
            Assert.True(bodyClock.Elapsed < TimeSpan.FromSeconds(60), $"The 10 GB upload took {bodyClock.Elapsed} to refuse.");
            if (bodyStatus is not null)
            {
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bodyStatus);
                Assert.Contains("Database:MaxContextBytes", bodyDetail, StringComparison.Ordinal);
            }

            Assert.True(peak - before < MemoryGrowthBudget, $"The app's peak memory grew by {(peak - before) / (1024 * 1024)} MB (from {before / (1024 * 1024)} MB).");
        }
        finally
        {
            File.Delete(bomb);
        }
    }

    private static void WriteZipBomb(string path, long zeros)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var dockerfile = new StreamWriter(zip.CreateEntry("Dockerfile").Open()))
        {
            dockerfile.Write("FROM busybox:1.36\nCOPY zeros.bin /\n");
        }

        using var entry = zip.CreateEntry("zeros.bin", CompressionLevel.Optimal).Open();
        var block = new byte[1024 * 1024];
        for (long written = 0; written < zeros; written += block.Length)
        {
            entry.Write(block);
        }
    }

    private static long MemoryOf(int processId, string field)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>A body of zeros of a given length, made as it is read; counts what was read.</summary>
    private sealed class ZeroStream(long length) : ReadOnlyStream
    {
        public long Sent { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - Sent);
            buffer[..n].Clear();
            Sent += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
