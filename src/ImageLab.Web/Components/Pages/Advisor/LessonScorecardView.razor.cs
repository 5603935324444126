using ImageLab.Core.Advice;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Pages.Advisor;

/// <summary>The lesson's checklist: a row per question, a column per iteration, pass or fail with the reason on hover.</summary>
public partial class LessonScorecardView
{
    [Parameter]
    public IReadOnlyList<ScorecardColumn> Columns { get; set; } = [];

    /// <summary>The reason, with the measured bytes when there are any.</summary>
    public static string Explain(ScorecardAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.BytesAtStake is { } bytes ? $"{answer.Reason} ({ByteSize.Format(bytes)})" : answer.Reason;
    }

    private static (string Label, Color Color, string Icon) Look(ScoreOutcome outcome) => outcome switch
    {
        ScoreOutcome.Pass => ("Pass", Color.Success, Icons.Material.Filled.CheckCircle),
        ScoreOutcome.Fail => ("Fail", Color.Error, Icons.Material.Filled.Cancel),
        _ => ("n/a", Color.Default, Icons.Material.Outlined.RemoveCircleOutline),
    };
}
