// Folders on the New experiment page: dropped on the drop zone or chosen with the folder input, their files reach
// the folder input (Blazor's InputFile) with their paths inside the build context. A module, loaded by the page
// (the Content-Security-Policy allows scripts from this origin only, never inline).

const pathsKey = Symbol('imageLabContextPaths');

// Every file under an entry, with its path from the dropped item; folders are read page by page until empty.
async function walk(entry, found) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    found.push({ file, path: entry.fullPath.replace(/^\/+/, '') });
    return;
  }
  if (!entry.isDirectory) { return; }
  const reader = entry.createReader();
  for (;;) {
    const children = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (children.length === 0) { return; }
    for (const child of children) { await walk(child, found); }
  }
}

// Hands files to an <input type=file> as if chosen there, remembering their context paths for contextPaths().
function deliver(input, found) {
  const transfer = new DataTransfer();
  for (const item of found) { transfer.items.add(item.file); }
  input[pathsKey] = found.map(item => item.path);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

// A drop with a folder in it goes to the folder input; one folder alone is the context itself (its name is not
// part of the paths), several items keep their names. A drop of plain files is left to the files input.
export function attach(zone, folderInput) {
  if (!zone || !folderInput || zone.dataset.folderDrop === 'on') { return; }
  zone.dataset.folderDrop = 'on';
  zone.addEventListener('drop', (event) => {
    const items = Array.from((event.dataTransfer && event.dataTransfer.items) || []);
    // Entries must be taken during the event: the DataTransfer is emptied once it returns.
    const entries = items.map(item => (item.kind === 'file' && item.webkitGetAsEntry) ? item.webkitGetAsEntry() : null).filter(e => e);
    if (!entries.some(entry => entry.isDirectory)) { return; }
    event.preventDefault();
    event.stopPropagation();
    zone.classList.remove('is-dragging');
    const single = entries.length === 1;
    (async () => {
      const found = [];
      for (const entry of entries) { await walk(entry, found); }
      if (single) {
        for (const item of found) { item.path = item.path.substring(item.path.indexOf('/') + 1); }
      }
      deliver(folderInput, found);
    })();
  }, true);
}

// The context paths of the files now in a folder input, in its order: those of a drop, else the browser's
// webkitRelativePath without the chosen folder's own name.
export function contextPaths(input) {
  if (!input) { return []; }
  const files = Array.from(input.files || []);
  const dropped = input[pathsKey];
  if (dropped && dropped.length === files.length) { return dropped; }
  return files.map(file => {
    const relative = file.webkitRelativePath || file.name;
    const slash = relative.indexOf('/');
    return slash > 0 ? relative.substring(slash + 1) : relative;
  });
}
