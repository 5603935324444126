using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// A Blazor circuit without a browser, for benchmarks that need more viewers than a 2-core machine can run Chromium for.
/// It opens a page's circuit the way blazor.web.js does (the page's component markers, then StartCircuit and
/// UpdateRootComponents over the blazorpack protocol), acknowledges every render batch and answers the page's JavaScript
/// calls with what a 1440×900 Chromium answered: a viewer who follows the log's end and never scrolls. The server
/// renders, diffs and sends everything it does for a real viewer; only the DOM is missing. The text of each render batch
/// is handed to the caller as it arrives.
/// </summary>
internal sealed partial class HeadlessCircuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Action<string> _onBatchText;

    private HeadlessCircuit(HubConnection connection, Action<string> onBatchText)
    {
        _connection = connection;
        _onBatchText = onBatchText;
        _connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], OnRenderBatchAsync);
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync);
        _connection.On("JS.Error", [typeof(string)], arguments =>
        {
            Error = arguments[0] as string;
            return Task.CompletedTask;
        });
    }

    /// <summary>The last error the server reported for this circuit (its circuit is then gone), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>How many render batches the server has sent.</summary>
    public int Batches { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> as a signed-in viewer whose cookies are <paramref name="cookies"/>: reads the page's
    /// component markers and starts its circuit; <paramref name="onBatchText"/> gets each render batch decoded as UTF-8.
    /// </summary>
    public static async Task<HeadlessCircuit> StartAsync(Uri baseAddress, CookieContainer cookies, string path,
        Action<string> onBatchText, CancellationToken cancellationToken)
    {
        var page = new Uri(baseAddress, path);
        string html;
        using (var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        using (var http = new HttpClient(handler))
        {
            html = await http.GetStringAsync(page, cancellationToken);
        }

        var markers = MarkerPattern().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!).ToList();
        Assert.True(markers.Count > 0, $"{page} has no interactive components: {html[..Math.Min(html.Length, 300)]}");
        var state = StatePattern().Match(html) is { Success: true } match ? match.Groups[1].Value : "";

        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "_blazor"), options =>
        {
            options.Cookies = cookies;
            options.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var circuit = new HeadlessCircuit(builder.Build(), onBatchText);
        await circuit._connection.StartAsync(cancellationToken);
        await circuit._connection.InvokeAsync<string>("StartCircuit",
            baseAddress.ToString(), page.ToString(), "[]", state, cancellationToken);

        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            markers[i]["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = markers[i] });
        }

        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
        await circuit._connection.SendAsync("UpdateRootComponents", batch.ToJsonString(), state, cancellationToken);
        return circuit;
    }

    private async Task OnRenderBatchAsync(object?[] arguments)
    {
        var batchId = (long)arguments[0]!;
        var bytes = (byte[])arguments[1]!;
        Batches++;
        await _connection.SendAsync("OnRenderCompleted", batchId, null);
        _onBatchText(Encoding.UTF8.GetString(bytes));
    }

    private async Task OnBeginInvokeJSAsync(object?[] arguments)
    {
        var handle = (long)arguments[0]!;
        var identifier = (string)arguments[1]!;
        var argumentsJson = arguments[2] as string ?? "[]";

        // A handle of 0 is a call whose result nobody waits for.
        if (handle != 0)
        {
            var result = BrowserAnswer(identifier, argumentsJson);
            await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true,
                string.Create(CultureInfo.InvariantCulture, $"[{handle},true,{result}]"));
        }
    }

    /// <summary>What Chromium (1440×900, light theme) answered to the calls ImageLab's pages and MudBlazor make; null otherwise.</summary>
    private static string BrowserAnswer(string identifier, string argumentsJson) => identifier switch
    {
        "imageLab.getTheme" => "\"light\"",
        "window.hasOwnProperty" => "true",
        "mudpopoverHelper.countProviders" => "0",
        "mudElementRef.getBoundingClientRect" => Rectangle,
        "mudResizeListener.getBrowserWindowSize" => """{"height":900,"width":1440}""",
        "mudResizeObserver.connect" => "[" + string.Join(',', Enumerable.Repeat(Rectangle,
            JsonNode.Parse(argumentsJson)![2]!.AsArray().Count)) + "]",
        _ => "null",
    };

    private const string Rectangle =
        """{"x":244,"y":204,"width":1172,"height":48,"top":204,"right":1416,"bottom":252,"left":244,"scrollY":0,"scrollX":0,"windowHeight":900,"windowWidth":1440}""";

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();

    /// <summary>Blazor's hub protocol: SignalR's MessagePack protocol under the name the server knows it by.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _messagePack = new();

        public string Name => "blazorpack";

        public int Version => _messagePack.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => _messagePack.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            _messagePack.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _messagePack.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _messagePack.GetMessageBytes(message);
    }
}
