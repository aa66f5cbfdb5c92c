// Browser side of <EmailTemplateEditor>. Loads GrapesJS, its newsletter preset and the special-links plugin from
// this package's static files (nothing from other hosts), and hands large text back to .NET as streams: a return
// value or event argument above 32 KB would close a Blazor Server circuit.

const base = new URL('./', import.meta.url);
const asset = path => new URL(path, base).href;

// The preset's "grid-items" and "list-items" blocks show placeholder images from a public host: left out.
const PRESET_BLOCKS = ['sect100', 'sect50', 'sect30', 'sect37', 'button', 'divider', 'text', 'text-sect', 'image', 'quote', 'link', 'link-block'];

let builder = null;   // the modules, loaded once per page
let current = null;   // one editor per page

function loadBuilder() {
  builder ??= (async () => {
    const { default: grapesjs } = await import(asset('lib/grapesjs/grapes.mjs'));
    await import(asset('lib/grapesjs-preset-newsletter/index.js')); // UMD: sets globalThis['grapesjs-preset-newsletter']
    const { default: specialLinks } = await import(asset('special-links.js'));
    addStylesheet(asset('lib/grapesjs/grapes.min.css'));
    return { grapesjs, specialLinks };
  })();
  builder.catch(() => { builder = null; });
  return builder;
}

function addStylesheet(href) {
  if ([...document.styleSheets].some(s => s.href === href) || document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
}

const encode = text => new TextEncoder().encode(text ?? '');

function debounce(fn, ms) {
  let timer = 0;
  const run = () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
  run.cancel = () => clearTimeout(timer);
  return run;
}

function notify(dotNet, method, ...args) {
  // The circuit may be gone (page left, connection lost): nothing to tell then.
  dotNet.invokeMethodAsync(method, ...args).catch(() => { });
}

/** Starts the drag-and-drop editor in `container` and resolves once it is ready. */
export async function createEditor(container, dotNet, options) {
  current?.destroy();
  const { grapesjs, specialLinks } = await loadBuilder();
  const projectData = options.projectData ? JSON.parse(options.projectData) : null;
  const editor = grapesjs.init({
    container,
    height: '100%',
    width: 'auto',
    telemetry: false,                                     // it would post to the vendor's host
    cssIcons: asset('lib/font-awesome/css/font-awesome.min.css'), // the default is a CDN copy
    storageManager: false,                                 // the host stores project data through .NET
    ...(projectData ? { projectData } : { components: options.html ?? '' }),
    plugins: [
      'grapesjs-preset-newsletter',
      ed => specialLinks(ed, {
        categories: options.categories,
        links: options.links,
        blocks: options.blocks,
        texts: options.texts,
        groupsConfigured: options.groupsConfigured,
        onRefused: link => notify(dotNet, 'OnSpecialLinkRefused', link.id),
        onSelectionNeeded: link => notify(dotNet, 'OnSelectionNeeded', link.id),
      }),
    ],
    pluginsOpts: {
      'grapesjs-preset-newsletter': { blocks: PRESET_BLOCKS, inlineCss: true },
    },
  });
  await new Promise(resolve => editor.onReady(resolve));

  const changed = debounce(() => notify(dotNet, 'OnTemplateChanged'), 300);
  editor.on('update', changed);

  // Text being edited lives in the DOM until editing ends: end it before reading the template.
  const settle = async () => {
    const view = editor.getEditing()?.getView?.();
    if (view?.disableEditing) await view.disableEditing();
  };

  const handle = {
    async exportHtml() {
      await settle();
      return encode(editor.runCommand('gjs-get-inlined-html'));
    },
    // For the linter while the designer works: never ends the editing of a text (that would drop the toolbar).
    currentHtml() {
      return encode(editor.runCommand('gjs-get-inlined-html'));
    },
    async getProjectData() {
      await settle();
      return encode(JSON.stringify(editor.getProjectData()));
    },
    loadProjectData(json) {
      editor.loadProjectData(JSON.parse(json));
    },
    update(groupsConfigured, blocks) {
      editor.runCommand('special-links:update', { groupsConfigured, blocks });
    },
    destroy() {
      if (current === handle) current = null;
      changed.cancel();
      editor.destroy();
    },
  };
  current = handle;
  return handle;
}

/** The raw-HTML editor (rich-media templates, rule S12): a textarea whose text is read as a stream. */
export function attachRawEditor(textarea, dotNet) {
  const changed = debounce(() => notify(dotNet, 'OnTemplateChanged'), 300);
  textarea.addEventListener('input', changed);
  return {
    exportHtml: () => encode(textarea.value),
    currentHtml: () => encode(textarea.value),
    insertLink(tag, text) {
      const { selectionStart: start, selectionEnd: end, value } = textarea;
      const selected = value.slice(start, end);
      const html = `<a href="${tag}">${selected || text}</a>`;
      textarea.setRangeText(html, start, end, 'end');
      textarea.focus();
      changed();
    },
    destroy() {
      changed.cancel();
      textarea.removeEventListener('input', changed);
    },
  };
}
