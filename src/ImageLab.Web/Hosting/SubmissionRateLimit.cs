using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Hosting;

/// <summary>
/// The rate limit on submissions: <c>Security:SubmissionsPerMinute</c> per signed-in user, or per client address
/// for a caller without a name. Refusals are a 429 problem that says when to try again.
/// </summary>
public static class SubmissionRateLimit
{
    public const string PolicyName = "submissions";

    internal static void Configure(RateLimiterOptions options)
    {
        options.AddPolicy(PolicyName, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SubmissionsPerMinute;
            var key = context.User.Identity is { IsAuthenticated: true, Name: { } name }
                ? "user:" + name
                : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            var perMinute = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SubmissionsPerMinute;
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many submissions.",
                    Detail = $"At most {perMinute} experiments a minute may be submitted by one user (Security:SubmissionsPerMinute); try again in {retryAfter} seconds.",
                },
            });
        };
    }
}
