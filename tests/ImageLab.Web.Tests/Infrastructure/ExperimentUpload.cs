using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>Builds <c>POST /api/experiments</c> requests the way a client would.</summary>
public static class ExperimentUpload
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static MultipartFormDataContent FromFolder(string folder, params (string Name, string Value)[] fields)
    {
        var content = Fields(fields);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            content.Add(new ByteArrayContent(File.ReadAllBytes(file)), "files", Path.GetRelativePath(folder, file));
        }

        return content;
    }

    public static MultipartFormDataContent FromFiles(IEnumerable<(string Path, string Text)> files, params (string Name, string Value)[] fields)
    {
        var content = Fields(fields);
        foreach (var (path, text) in files)
        {
            content.Add(new StringContent(text), "files", path);
        }

        return content;
    }

    public static MultipartFormDataContent FromArchive(byte[] archive, string fileName, params (string Name, string Value)[] fields)
    {
        var content = Fields(fields);
        var part = new ByteArrayContent(archive);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "context", fileName);
        return content;
    }

    public static async Task<ExperimentDetails> SubmitAsync(HttpClient client, MultipartFormDataContent content)
    {
        using var response = await client.PostAsync(new Uri("/api/experiments", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/experiments answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ExperimentDetails>(body, Json)!;
    }

    public static async Task<ExperimentDetails> GetAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<ExperimentDetails>(new Uri($"/api/experiments/{id}", UriKind.Relative), Json))!;

    private static MultipartFormDataContent Fields((string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }
}
