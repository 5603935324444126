namespace ImageLab.Web.ViewModels;

/// <summary>
/// Squarified treemap layout (Bruls, Huizing and van Wijk): items sorted by weight are laid in rows along
/// the shorter side of the free area, a row growing while that keeps its cells closer to squares.
/// </summary>
public static class Treemap
{
    public static IReadOnlyList<TreemapCell<T>> Layout<T>(IEnumerable<T> items, Func<T, double> weight, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(weight);
        var weighted = items.Select(item => (Item: item, Weight: weight(item))).Where(w => w.Weight > 0).OrderByDescending(w => w.Weight).ToList();
        var total = weighted.Sum(w => w.Weight);
        var cells = new List<TreemapCell<T>>(weighted.Count);
        if (total <= 0 || width <= 0 || height <= 0)
        {
            return cells;
        }

        // Areas in the layout's own units, so that the sum of areas equals the rectangle's area.
        var scale = width * height / total;
        var free = (X: 0.0, Y: 0.0, W: width, H: height);
        var row = new List<(T Item, double Weight, double Area)>();
        var index = 0;
        while (index < weighted.Count)
        {
            var next = weighted[index];
            var candidate = (next.Item, next.Weight, Area: next.Weight * scale);
            var side = Math.Min(free.W, free.H);
            if (row.Count == 0 || Worst(row, side) >= Worst([.. row, candidate], side))
            {
                row.Add(candidate);
                index++;
                continue;
            }

            free = PlaceRow(row, free, cells);
            row.Clear();
        }

        if (row.Count > 0)
        {
            PlaceRow(row, free, cells);
        }

        return cells;
    }

    private static double Worst<T>(List<(T Item, double Weight, double Area)> row, double side)
    {
        var sum = row.Sum(r => r.Area);
        var max = row.Max(r => r.Area);
        var min = row.Min(r => r.Area);
        var sideSquared = side * side;
        var sumSquared = sum * sum;
        return Math.Max(sideSquared * max / sumSquared, sumSquared / (sideSquared * min));
    }

    private static (double X, double Y, double W, double H) PlaceRow<T>(
        List<(T Item, double Weight, double Area)> row, (double X, double Y, double W, double H) free, List<TreemapCell<T>> cells)
    {
        var sum = row.Sum(r => r.Area);
        if (free.W >= free.H)
        {
            // A column along the left edge.
            var columnWidth = free.H > 0 ? sum / free.H : 0;
            var y = free.Y;
            foreach (var (item, weight, area) in row)
            {
                var h = columnWidth > 0 ? area / columnWidth : 0;
                cells.Add(new TreemapCell<T>(item, weight, free.X, y, columnWidth, h));
                y += h;
            }

            return (free.X + columnWidth, free.Y, Math.Max(0, free.W - columnWidth), free.H);
        }

        // A row along the top edge.
        var rowHeight = free.W > 0 ? sum / free.W : 0;
        var x = free.X;
        foreach (var (item, weight, area) in row)
        {
            var w = rowHeight > 0 ? area / rowHeight : 0;
            cells.Add(new TreemapCell<T>(item, weight, x, free.Y, w, rowHeight));
            x += w;
        }

        return (free.X, free.Y + rowHeight, free.W, Math.Max(0, free.H - rowHeight));
    }
}
