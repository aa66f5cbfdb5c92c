// GrapesJS plugin: the "Special links" menu of the rich-text toolbar (rule S13), the same choices in the link
// settings, and blocks that carry the links. The list of links comes from the host (SpecialLinkCatalog in C#);
// nothing here names a tag.
//
// Options:
//   categories: [{ id, label }]                        submenus, e.g. "Unsubscribe"
//   links:      [{ id, tag, category, label, requiresGroups }]
//   blocks:     [{ id, label, content }]               HTML blocks (built by the host from the same list)
//   texts:      { specialLinks, specialLinkTrait, noSpecialLink }
//   groupsConfigured: whether subscription groups exist (entries with requiresGroups are refused otherwise, S9)
//   onRefused(link), onSelectionNeeded(): tell the host what to explain to the designer
//
// Command 'special-links:update' ({ groupsConfigured, blocks }) changes the group state and the blocks later.

const STYLE_ID = 'pu-special-links-style';
const NEW_LINK_ATTR = 'data-pu-new-link';
const BLOCK_CATEGORY = 'special-links';

const css = `
.gjs-rte-action[aria-haspopup=menu]{width:auto;min-width:25px}
.pu-sl-trigger{display:inline-flex;align-items:center;gap:4px;padding:0 6px;font:600 12px/24px sans-serif;white-space:nowrap}
.pu-sl-menu{position:absolute;z-index:20;min-width:190px;padding:4px 0;margin:0;background:#fff;color:#222;
  border:1px solid #bbb;border-radius:4px;box-shadow:0 4px 14px rgba(0,0,0,.25);font:13px/1.4 sans-serif;list-style:none}
.pu-sl-menu[hidden],.pu-sl-submenu[hidden]{display:none}
.pu-sl-menu li{position:relative;list-style:none}
.pu-sl-menu button{display:flex;justify-content:space-between;gap:12px;width:100%;padding:6px 12px;border:0;background:none;
  color:inherit;font:inherit;text-align:left;cursor:pointer}
.pu-sl-menu button:hover,.pu-sl-menu button:focus-visible,.pu-sl-menu button[aria-expanded=true]{background:#e8f0fe;outline:none}
.pu-sl-menu button[data-available=false]{color:#777}
.pu-sl-submenu{position:absolute;top:-5px;left:100%;min-width:210px;padding:4px 0;margin:0;background:#fff;
  border:1px solid #bbb;border-radius:4px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
`;

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

export default function specialLinksPlugin(editor, options = {}) {
  const opts = { categories: [], links: [], blocks: [], texts: {}, groupsConfigured: true, ...options };
  const texts = { specialLinks: 'Special links', specialLinkTrait: 'Special link', noSpecialLink: 'None', ...opts.texts };
  const state = { groupsConfigured: !!opts.groupsConfigured, blockIds: [] };
  const byTag = new Map(opts.links.map(l => [l.tag, l]));
  const isAvailable = link => state.groupsConfigured || !link.requiresGroups;
  const refuse = link => opts.onRefused?.(link);

  addStyle(document);
  addTrait();
  setBlocks(opts.blocks);
  editor.Commands.add('special-links:update', {
    run(_ed, _sender, o = {}) {
      if ('groupsConfigured' in o) state.groupsConfigured = !!o.groupsConfigured;
      if (Array.isArray(o.blocks)) setBlocks(o.blocks);
    },
  });
  // The rich-text toolbar exists only once the editor has loaded: actions added earlier are lost.
  editor.onReady(addMenu);

  function addStyle(doc) {
    if (doc.getElementById(STYLE_ID)) return;
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = css;
    doc.head.appendChild(style);
  }

  // ---- rich-text toolbar: Special links > Unsubscribe > entries --------------------------------------------
  function addMenu() {
    let menu = null;
    let activeRte = null;

    editor.RichTextEditor.add('special-links', {
      icon: `<span class="pu-sl-trigger">${esc(texts.specialLinks)} <span aria-hidden="true">▾</span></span>`,
      attributes: {
        title: texts.specialLinks, role: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false',
        'data-testid': 'special-links-button',
      },
      result(rte, action) {
        activeRte = rte;
        menu ??= buildMenu(action.btn);
        toggle(action.btn, menu.hidden);
      },
    });
    editor.on('rte:disable', () => menu && toggle(null, false));

    function toggle(btn, open) {
      if (!menu) return;
      if (open && btn) {
        const bar = btn.offsetParent || btn.parentElement;
        menu.style.left = `${btn.offsetLeft}px`;
        menu.style.top = `${btn.offsetTop + btn.offsetHeight + 2}px`;
        if (menu.parentElement !== bar) bar.appendChild(menu);
      }
      menu.hidden = !open;
      menu.querySelectorAll('.pu-sl-submenu').forEach(s => { s.hidden = true; });
      menu.querySelectorAll('[aria-expanded]').forEach(b => b.setAttribute('aria-expanded', 'false'));
      const trigger = btn ?? menu.parentElement?.querySelector('[data-testid=special-links-button]');
      trigger?.setAttribute('aria-expanded', String(open));
      if (open) menu.querySelector('button')?.focus({ preventScroll: true });
    }

    function buildMenu(btn) {
      const list = document.createElement('ul');
      list.className = 'pu-sl-menu';
      list.setAttribute('role', 'menu');
      list.setAttribute('aria-label', texts.specialLinks);
      list.dataset.testid = 'special-links-menu';
      list.hidden = true;
      // Keep the canvas selection: nothing in the menu takes the focus away from the text on mousedown.
      list.addEventListener('mousedown', ev => ev.preventDefault());
      list.addEventListener('click', ev => ev.stopPropagation());
      list.addEventListener('keydown', ev => {
        if (ev.key === 'Escape') { toggle(btn, false); ev.preventDefault(); }
      });
      for (const category of opts.categories) {
        const entries = opts.links.filter(l => l.category === category.id);
        if (!entries.length) continue;
        const item = document.createElement('li');
        item.setAttribute('role', 'none');
        const open = document.createElement('button');
        open.type = 'button';
        open.setAttribute('role', 'menuitem');
        open.setAttribute('aria-haspopup', 'menu');
        open.setAttribute('aria-expanded', 'false');
        open.dataset.testid = `special-links-category-${category.id}`;
        open.innerHTML = `<span>${esc(category.label)}</span><span aria-hidden="true">▸</span>`;
        const sub = document.createElement('ul');
        sub.className = 'pu-sl-submenu';
        sub.setAttribute('role', 'menu');
        sub.setAttribute('aria-label', category.label);
        sub.hidden = true;
        // Click, hover, Enter or arrow-right open the submenu (and close its siblings); it never toggles shut
        // under the pointer that just opened it.
        const show = () => {
          list.querySelectorAll('.pu-sl-submenu').forEach(s => { s.hidden = s !== sub; });
          list.querySelectorAll('[aria-haspopup=menu]').forEach(b => b.setAttribute('aria-expanded', String(b === open)));
        };
        open.addEventListener('click', show);
        open.addEventListener('mouseenter', show);
        open.addEventListener('keydown', ev => {
          if (ev.key === 'ArrowRight') { show(); sub.querySelector('button')?.focus(); ev.preventDefault(); }
        });
        for (const link of entries) {
          const li = document.createElement('li');
          li.setAttribute('role', 'none');
          const pick = document.createElement('button');
          pick.type = 'button';
          pick.setAttribute('role', 'menuitem');
          pick.dataset.testid = `special-link-${link.id}`;
          pick.dataset.tag = link.tag;
          pick.textContent = link.label;
          pick.addEventListener('click', () => {
            toggle(btn, false);
            if (!isAvailable(link)) { refuse(link); return; }
            if (!activeRte || !wrapSelection(activeRte, link.tag)) opts.onSelectionNeeded?.(link);
          });
          li.appendChild(pick);
          sub.appendChild(li);
        }
        item.append(open, sub);
        list.appendChild(item);
      }
      // Entries that need groups look dimmed while none exist, but stay usable: picking one says why it is refused.
      const refresh = () => list.querySelectorAll('button[data-tag]').forEach(b => {
        b.dataset.available = String(isAvailable(byTag.get(b.dataset.tag)));
      });
      list.addEventListener('focusin', refresh);
      new MutationObserver(refresh).observe(list, { attributes: true, attributeFilter: ['hidden'] });
      refresh();
      return list;
    }
  }

  // The selected text becomes <a href="TAG">selected text</a>; the new link is then selected so its settings show.
  function wrapSelection(rte, tag) {
    const { doc, el } = rte;
    const sel = doc.getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed || !sel.toString().trim()) return false;
    const range = sel.getRangeAt(0);
    if (!el.contains(range.commonAncestorContainer)) return false;
    let anchor = closestAnchor(range.commonAncestorContainer, el);
    if (anchor) {
      anchor.setAttribute('href', tag);
    } else {
      anchor = doc.createElement('a');
      anchor.setAttribute('href', tag);
      anchor.appendChild(range.extractContents());
      anchor.querySelectorAll('a').forEach(inner => inner.replaceWith(...inner.childNodes));
      range.insertNode(anchor);
    }
    anchor.setAttribute(NEW_LINK_ATTR, '');
    sel.removeAllRanges();
    const model = editor.getEditing() || editor.getSelected();
    if (model) {
      model.once('rte:disable', () => {
        const created = model.find(`[${NEW_LINK_ATTR}]`)[0];
        if (!created) return;
        created.removeAttributes(NEW_LINK_ATTR);
        editor.select(created);
      });
      model.trigger('disable');
    }
    return true;
  }

  function closestAnchor(node, root) {
    for (let n = node; n && n !== root; n = n.parentNode)
      if (n.nodeType === 1 && n.tagName === 'A') return n;
    return null;
  }

  // ---- link settings: a "Special link" choice next to href ---------------------------------------------------
  function addTrait() {
    editor.TraitManager.addType('special-link', {
      createInput() {
        const select = document.createElement('select');
        select.dataset.testid = 'special-link-trait';
        const none = new Option(texts.noSpecialLink, '');
        select.appendChild(none);
        for (const category of opts.categories) {
          const group = document.createElement('optgroup');
          group.label = category.label;
          for (const link of opts.links.filter(l => l.category === category.id))
            group.appendChild(new Option(link.label, link.tag));
          if (group.children.length) select.appendChild(group);
        }
        return select;
      },
      onEvent({ elInput, component }) {
        const link = byTag.get(elInput.value);
        if (link && !isAvailable(link)) {
          refuse(link);
          const href = component.getAttributes().href ?? '';
          elInput.value = byTag.has(href) ? href : '';
          return;
        }
        if (link) component.addAttributes({ href: link.tag });
      },
      onUpdate({ elInput, component }) {
        const href = component.getAttributes().href ?? '';
        elInput.value = byTag.has(href) ? href : '';
      },
    });
    editor.Components.addType('link', {
      model: {
        defaults: {
          traits: ['title', 'href', 'target', { type: 'special-link', name: 'special-link', label: texts.specialLinkTrait }],
        },
      },
    });
  }

  // ---- blocks --------------------------------------------------------------------------------------------------
  function setBlocks(blocks) {
    const bm = editor.Blocks;
    state.blockIds.forEach(id => bm.remove(id));
    state.blockIds = [];
    for (const block of blocks ?? []) {
      bm.add(block.id, {
        label: block.label,
        category: { id: BLOCK_CATEGORY, label: texts.specialLinks, open: true },
        media: '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M20 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2m0 4-8 5-8-5V6l8 5 8-5z"/></svg>',
        content: block.content,
        attributes: { 'data-testid': `block-${block.id}` },
      });
      state.blockIds.push(block.id);
    }
  }
}
