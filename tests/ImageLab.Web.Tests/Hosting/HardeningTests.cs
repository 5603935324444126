using System.Net;
using System.Net.Http.Json;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.Hosting;

/// <summary>Security headers on every response, and the submission rate limit as a 429 problem with a sentence.</summary>
public sealed class HardeningTests(HardeningTests.TightLimitFactory factory) : IClassFixture<HardeningTests.TightLimitFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/experiments/new")]
    [InlineData("/api/experiments")]
    [InlineData("/healthz")]
    public async Task Response_AnyPath_CarriesTheSecurityHeaders(string path)
    {
        // Act
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        // Assert
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Submit_PastTheRateLimit_TooManyRequestsWithASentence()
    {
        // Arrange: empty submissions are refused by the endpoint, but each still counts against the limit.
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        // Act
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.PostAsync(new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles([], ("project", "rate")));
            statuses.Add(last.StatusCode);
        }

        // Assert
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        var problem = await last.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(429, problem!.Status);
        Assert.StartsWith("At most 3 experiments a minute may be submitted by one user (Security:SubmissionsPerMinute)", problem.Detail, StringComparison.Ordinal);
        last.Dispose();
    }

    public sealed class TightLimitFactory : ImageLabWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:SubmissionsPerMinute"] = "3" };
    }
}
