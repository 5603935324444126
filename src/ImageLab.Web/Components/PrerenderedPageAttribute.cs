namespace ImageLab.Web.Components;

/// <summary>
/// Marks a page whose first HTML answer is prerendered on the server (App.razor reads it from the endpoint), so
/// that its content shows before the circuit connects. The page must carry what it read over to the
/// interactive render (<c>[PersistentState]</c>) and must not open live watches while prerendering.
/// Every other page renders in the circuit only.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PrerenderedPageAttribute : Attribute;
