using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>The prerendered history page in the browser: when its circuit has taken over.</summary>
internal static class HistoryPages
{
    /// <summary>
    /// Counts the calls of <c>imageLab.getTheme</c>: app.js calls it once while loading, MainLayout once more when
    /// the circuit renders it, so a second call marks the page as interactive. Call before navigating.
    /// </summary>
    public static Task InstallAsync(IPage page) => page.AddInitScriptAsync("""
        (() => {
          let lab;
          window.__themeCalls = 0;
          Object.defineProperty(window, 'imageLab', {
            configurable: true,
            get: () => lab,
            set: (value) => {
              const getTheme = value.getTheme;
              value.getTheme = () => { window.__themeCalls++; return getTheme(); };
              lab = value;
            },
          });
        })();
        """);

    /// <summary>Waits until the circuit has rendered the page (see <see cref="InstallAsync"/>).</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.__themeCalls >= 2", null, new() { Timeout = 20_000, PollingInterval = 10 });
}
