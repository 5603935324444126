using ImageLab.Web.ViewModels;

namespace ImageLab.Web.Tests.Components.ViewModels;

public class TreemapTests
{
    [Fact]
    public void Layout_Weights_CellsHaveProportionalAreasInsideTheBounds()
    {
        double[] weights = [600, 200, 100, 50, 30, 15, 5];

        var cells = Treemap.Layout(weights, w => w, 800, 400);

        Assert.Equal(weights.Length, cells.Count);
        foreach (var cell in cells)
        {
            Assert.Equal(cell.Weight / weights.Sum() * 800 * 400, cell.Width * cell.Height, 3);
            Assert.InRange(cell.X, -0.001, 800.001);
            Assert.InRange(cell.Y, -0.001, 400.001);
            Assert.True(cell.X + cell.Width <= 800.001 && cell.Y + cell.Height <= 400.001);
        }
    }

    [Fact]
    public void Layout_Cells_DoNotOverlap()
    {
        var cells = Treemap.Layout(Enumerable.Range(1, 20).Select(i => (double)i * i), w => w, 640, 480);

        for (var a = 0; a < cells.Count; a++)
        {
            for (var b = a + 1; b < cells.Count; b++)
            {
                var x = Math.Min(cells[a].X + cells[a].Width, cells[b].X + cells[b].Width) - Math.Max(cells[a].X, cells[b].X);
                var y = Math.Min(cells[a].Y + cells[a].Height, cells[b].Y + cells[b].Height) - Math.Max(cells[a].Y, cells[b].Y);
                Assert.False(x > 0.001 && y > 0.001, $"cells {a} and {b} overlap");
            }
        }
    }

    [Fact]
    public void Layout_SquarifiedCells_StayCloseToSquares()
    {
        var cells = Treemap.Layout([6.0, 6, 4, 3, 2, 2, 1], w => w, 600, 400);

        Assert.All(cells.Take(4), c => Assert.InRange(Math.Max(c.Width / c.Height, c.Height / c.Width), 1, 3));
    }

    [Fact]
    public void Layout_ZeroWeights_AreLeftOut() =>
        Assert.Single(Treemap.Layout([0.0, 5], w => w, 100, 100));
}
