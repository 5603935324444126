using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>
/// A Dockerfile in a monospace editor with line numbers (the textarea grows with its text so gutter and
/// text scroll together), or read-only with some lines highlighted (the drill-down's "this line made the layer").
/// </summary>
public partial class DockerfileEditor
{
    private const int MinRows = 8;
    private string[] _lines = [""];
    private string _gutter = "1";

    [Parameter]
    public string Text { get; set; } = "";

    [Parameter]
    public EventCallback<string> TextChanged { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public string Label { get; set; } = "Dockerfile";

    [Parameter]
    public string Placeholder { get; set; } = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"main.py\"]";

    /// <summary>The 1-based lines to highlight (read-only mode).</summary>
    [Parameter]
    public IReadOnlyCollection<int> HighlightLines { get; set; } = [];

    protected override void OnParametersSet() => Split(Text);

    private bool IsHighlighted(int line) => HighlightLines.Contains(line);

    private async Task OnInputAsync(ChangeEventArgs e)
    {
        Text = e.Value?.ToString() ?? "";
        Split(Text);
        await TextChanged.InvokeAsync(Text);
    }

    private void Split(string text)
    {
        _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (ReadOnly && _lines.Length > 1 && _lines[^1].Length == 0)
        {
            _lines = _lines[..^1];
        }

        var rows = Math.Max(_lines.Length, ReadOnly ? 1 : MinRows);
        _gutter = string.Join('\n', Enumerable.Range(1, rows).Select(n => n.ToString(CultureInfo.InvariantCulture)));
    }
}
