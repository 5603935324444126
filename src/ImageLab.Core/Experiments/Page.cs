namespace ImageLab.Core.Experiments;

/// <summary>One page of a longer list, with the total so that pagers can count.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);
