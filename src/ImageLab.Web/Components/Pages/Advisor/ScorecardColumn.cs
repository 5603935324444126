using ImageLab.Core.Advice;

namespace ImageLab.Web.Components.Pages.Advisor;

/// <summary>One iteration's column of <see cref="LessonScorecardView"/>.</summary>
public sealed record ScorecardColumn(string Title, LessonScorecard Scorecard);
