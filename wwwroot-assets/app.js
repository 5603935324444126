// Small browser helpers the dashboard calls through JS interop.
window.imageLab = {
  // Theme: remembered in localStorage, else the system's preference.
  getTheme: () => {
    const saved = localStorage.getItem('imagelab-theme');
    if (saved === 'dark' || saved === 'light') { return saved; }
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  },
  setTheme: (theme) => {
    localStorage.setItem('imagelab-theme', theme);
    document.documentElement.dataset.theme = theme;
  },
  getSetting: (key) => localStorage.getItem('imagelab-' + key),
  setSetting: (key, value) => localStorage.setItem('imagelab-' + key, value),

  // Log tail: follows the end until the user scrolls up, resumes when they scroll back down. Lines that arrive are
  // scrolled into view here, in the frame that adds them, so that the server needs no call back per batch.
  watchLog: (element, dotnet) => {
    if (!element || element._imageLabWatched) { return; }
    element._imageLabWatched = true;
    element._follow = true;
    element._lastTop = element.scrollTop;
    new MutationObserver(() => {
      if (element._follow !== false) { element.scrollTop = element.scrollHeight; }
    }).observe(element, { childList: true });
    element.addEventListener('scroll', () => {
      const top = element.scrollTop;
      const atBottom = element.scrollHeight - top - element.clientHeight < 40;
      // Only the reader scrolling up stops following: new lines move the end away (a scroll event, the end 40 px or more
      // below when a batch lands before the observer scrolls) without scrolling up.
      const following = atBottom || (element._follow && top >= element._lastTop);
      element._lastTop = top;
      if (following !== element._follow) {
        element._follow = following;
        dotnet.invokeMethodAsync('OnFollowChanged', following);
      }
    }, { passive: true });
  },
  resumeLog: (element) => {
    if (element) { element._follow = true; element.scrollTop = element.scrollHeight; }
  },

  // Copies text to the clipboard; false when the browser refuses. Outside a secure context (plain http to another host)
  // there is no navigator.clipboard: a selected textarea and the older copy command still work there.
  copyText: async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try { return document.execCommand('copy'); } catch { return false; } finally { area.remove(); }
    }
  },

  // Saves text as a file the browser downloads, without a round trip to the server.
  saveText: (fileName, text, type) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  },
};

(() => {
  const theme = window.imageLab.getTheme();
  document.documentElement.dataset.theme = theme;
})();
