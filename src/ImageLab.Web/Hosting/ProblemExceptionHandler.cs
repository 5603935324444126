using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace ImageLab.Web.Hosting;

/// <summary>
/// Answers an unhandled exception with a problem whose detail is a generic sentence and a trace id, in every
/// environment: exception messages can hold connection strings, paths or a build's secrets, so they go to the
/// log and never into a response. A <see cref="BadHttpRequestException"/> (the request's own fault, e.g. a query
/// parameter that does not bind) keeps its 4xx status and message.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            // The request's own fault (a page number past int, a malformed body): its message names the request's
            // part, never the server's state, so it is the sentence.
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = bad.StatusCode,
                    Title = "The request is not valid.",
                    Detail = bad.Message.EndsWith('.') ? bad.Message : bad.Message + ".",
                },
            });
        }

        var traceId = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, traceId);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "ImageLab could not handle this request.",
                Detail = $"Something failed inside ImageLab; it was logged with trace id {traceId}. Try again, or give an administrator that id.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path} (trace id {TraceId}).")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string traceId);
}
