using ImageLab.Docker.Engine;
using ImageLab.Web.UseCases;

namespace ImageLab.Web.Api;

/// <summary>RFC 7807 problem details whose <c>detail</c> is a sentence a person can act on.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be accepted.");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult TooLarge(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.");

    /// <summary>The engine does not answer, or is too busy to: its sentence says which engine and why.</summary>
    public static IResult EngineUnavailable(DockerEngineUnavailableException unavailable)
    {
        ArgumentNullException.ThrowIfNull(unavailable);
        return Results.Problem(unavailable.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The engine is not available.");
    }

    /// <summary>A use case's refusal as the status its reason calls for, with its sentence.</summary>
    public static IResult Refused(ActionRefusedException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Reason switch
        {
            Refusal.Forbidden => Forbidden(refusal.Message),
            Refusal.NotFound => NotFound(refusal.Message),
            Refusal.Unavailable => Results.Problem(refusal.Message, statusCode: StatusCodes.Status409Conflict, title: "Not available yet."),
            Refusal.TooMany => Results.Problem(refusal.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too much under way."),
            Refusal.Misconfigured => Results.Problem(refusal.Message, statusCode: StatusCodes.Status500InternalServerError, title: "A setting of the server is wrong."),
            _ => BadRequest(refusal.Message),
        };
    }
}
