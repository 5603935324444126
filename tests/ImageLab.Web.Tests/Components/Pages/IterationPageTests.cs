using Bunit;
using ImageLab.Web.Components.Pages.Experiments;
using ImageLab.Web.Tests.Components.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Web.Tests.Components.Pages;

public class IterationPageTests : ImageLabTestContext
{
    [Fact]
    public void Render_NoLayerAsked_OpensTheLargestOwnLayerWithItsDockerfileLines()
    {
        Queries.Experiments[7] = Ladder.Finished();
        RenderPopovers();

        var page = Render<IterationPage>(p => p.Add(c => c.Id, 7).Add(c => c.IterationId, 101));

        Assert.Equal("3", page.Find(".layer-detail").GetAttribute("data-layer-index"));
        Assert.Contains("RUN apt-get update  && apt-get install -y python3-fastapi", page.Find(".layer-detail").TextContent, StringComparison.Ordinal);
        Assert.Equal(["3", "4"], page.FindAll(".df-line.is-highlighted").Select(l => l.GetAttribute("data-line")));
        Assert.Equal(4, page.FindAll(".treemap-cell").Count);
        Assert.Equal(5, page.FindAll(".layer-table tbody tr").Count);
    }

    [Fact]
    public void Render_LayerInTheAddress_ShowsThatLayer()
    {
        Queries.Experiments[7] = Ladder.Finished();
        RenderPopovers();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/experiments/7/iterations/101?layer=0");

        var page = Render<IterationPage>(p => p.Add(c => c.Id, 7).Add(c => c.IterationId, 101));

        Assert.Equal("0", page.Find(".layer-detail").GetAttribute("data-layer-index"));
        Assert.Contains("from the base image", page.Find(".layer-detail").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".df-line.is-highlighted"));
    }

    [Fact]
    public void Render_UnknownIteration_SaysSo()
    {
        Queries.Experiments[7] = Ladder.Finished();

        var page = Render<IterationPage>(p => p.Add(c => c.Id, 7).Add(c => c.IterationId, 999));

        Assert.Contains("This iteration does not exist", page.Markup, StringComparison.Ordinal);
    }
}
