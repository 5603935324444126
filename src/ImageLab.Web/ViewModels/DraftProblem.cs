namespace ImageLab.Web.ViewModels;

/// <summary>A reason the draft cannot be sent yet, in words, and the field it belongs to (shown beside it).</summary>
public sealed record DraftProblem(string Field, string Message)
{
    public const string ContextField = "context";
    public const string ProjectField = "project";
    public const string NameField = "name";
    public const string CheckField = "check";

    public static string IterationField(Guid id) => "iteration:" + id.ToString("N");

    public static string BuildArgField(Guid id) => "buildArg:" + id.ToString("N");
}
