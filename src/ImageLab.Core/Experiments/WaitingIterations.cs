namespace ImageLab.Core.Experiments;

/// <summary>How many iterations wait in the queue or build now, of one submitter and of one project.</summary>
public sealed record WaitingIterations(int OfSubmitter, int OfProject);
