namespace ImageLab.Web.Hosting;

/// <summary>One dependency's health in <c>/healthz</c>: up or down, and a sentence saying which and why.</summary>
public sealed record ComponentHealth(bool Healthy, string Description);
