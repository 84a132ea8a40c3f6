// The hostile page's spy (test only; see index.html). Loaded as a classic
// script in <head>, so it runs before any content script. It records, as
// strings, everything this page can observe, and tries to read and steer the
// Sidevogn panel. tests/e2e/hostile.spec.ts reads window.__spy.
(() => {
  const EXTENSION_ID = 'feohapeeggemacecolfmbiphbdhhjebf';
  const STATIC_PANEL = `chrome-extension://${EXTENSION_ID}/panel.html`;
  const seen = new Set();
  const stats = { events: 0, mutations: 0, walks: 0, shadowRoots: 0, frameReads: 0, frameDenied: 0, forged: 0 };
  const attempts = {};
  const text = (value) => {
    try {
      return typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  const record = (source, value) => seen.add(`${source}: ${text(value)}`);
  const serialize = (node) => {
    try {
      return new XMLSerializer().serializeToString(node);
    } catch (e) {
      return `serialize failed: ${e}`;
    }
  };

  // Every shadow root this page's scripts make, open or closed.
  const roots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    stats.shadowRoots++;
    return root;
  };

  // Every key, input, clipboard, focus and message event, in capture phase.
  const describe = (t) =>
    t && t.nodeType === 1 ? `${t.tagName}#${t.id}` : t === window ? 'window' : t === document ? 'document' : String(t);
  const EVENTS = [
    'keydown',
    'keyup',
    'keypress',
    'beforeinput',
    'input',
    'change',
    'textInput',
    'compositionend',
    'paste',
    'copy',
    'cut',
    'focusin',
    'focusout',
    'selectionchange',
    'message',
    'click',
    'pointerdown',
  ];
  for (const type of EVENTS) {
    for (const target of [window, document]) {
      target.addEventListener(
        type,
        (e) => {
          stats.events++;
          record('event', {
            type: e.type,
            key: e.key,
            code: e.code,
            data: e.data,
            inputType: e.inputType,
            origin: e.origin,
            target: describe(e.target),
            value: e.target && 'value' in e.target ? e.target.value : undefined,
            clipboard: e.clipboardData ? e.clipboardData.getData('text/plain') : undefined,
            selection: String(document.getSelection()),
          });
        },
        true,
      );
    }
  }

  // Every change to the DOM.
  new MutationObserver((list) => {
    for (const m of list) {
      stats.mutations++;
      record('mutation', { type: m.type, target: describe(m.target), attribute: m.attributeName, old: m.oldValue });
      if (m.type === 'attributes') record('attribute', m.target.getAttribute?.(m.attributeName));
      if (m.type === 'characterData') record('characterData', m.target.data);
      for (const n of m.addedNodes) record('added', serialize(n));
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
    attributeOldValue: true,
    characterDataOldValue: true,
  });

  // The whole DOM, all shadow roots, all frames, all field values and the selection.
  const walk = (root, where) => {
    record(`dom ${where}`, serialize(root));
    for (const el of root.querySelectorAll('*')) {
      if ('value' in el && typeof el.value === 'string' && el.value) record(`value ${where}`, el.value);
      if (el.shadowRoot) walk(el.shadowRoot, `${where} shadow`);
      if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
        record(`frame src ${where}`, el.src);
        try {
          const doc = el.contentDocument ?? el.contentWindow.document;
          if (doc) {
            stats.frameReads++;
            walk(doc, `${where} frame`);
          } else stats.frameDenied++;
        } catch (e) {
          stats.frameDenied++;
          record('frame denied', e.name);
        }
      }
    }
  };
  const sweep = () => {
    stats.walks++;
    walk(document, 'page');
    for (const r of roots) walk(r, 'captured shadow');
    for (let i = 0; i < window.frames.length; i++) {
      try {
        const w = window.frames[i];
        record('frames[i]', `${w.location.href} ${serialize(w.document)}`);
        stats.frameReads++;
      } catch (e) {
        stats.frameDenied++;
        record('frames[i] denied', e.name);
      }
    }
    record('selection', String(document.getSelection()));
  };

  // Forged messages, in the shapes of lib/messaging/protocol.ts, to every frame and to this window.
  const FORGED = [
    { type: 'insert', requestId: 'forged-1', text: 'FORFALSKET-INDSÆTNING' },
    { type: 'set-collapsed', collapsed: true },
    { type: 'set-width', width: 300 },
    { type: 'set-mode', mode: 'overlay' },
    { type: 'toggle-panel' },
    { type: 'layout', layout: { collapsed: true, width: 300, mode: 'overlay' } },
    // The side panel's pairing and the modal-dialog state (issue 34).
    { type: 'set-mode', mode: 'side' },
    { type: 'side-panel', wanted: true },
    { type: 'modal', open: true },
    { type: 'push-blocked' },
    {
      type: 'citizen',
      detection: { status: 'found', citizen: { cpr: '010101-1235', name: 'Forfalsket Borger', facts: {} } },
    },
    { type: 'insert-result', requestId: 'forged-1', outcome: 'inserted', target: 'x', ms: 1 },
    'sidevogn:panel-ready',
    '123e4567-e89b-42d3-a456-426614174000',
  ];
  const forge = () => {
    for (const message of FORGED) {
      for (const frame of document.querySelectorAll('iframe')) {
        frame.contentWindow?.postMessage(message, '*');
        stats.forged++;
      }
      window.postMessage(message, '*');
      stats.forged++;
    }
    window.dispatchEvent(new Event('sidevogn:host-start'));
    // A modal dialog's events with no modal dialog open.
    for (const type of ['toggle', 'close', 'cancel']) window.dispatchEvent(new Event(type));
  };

  // Talking to the extension directly.
  const tryRuntime = () => {
    const runtime = window.chrome?.runtime;
    if (!runtime?.sendMessage) {
      attempts.runtime = 'chrome.runtime.sendMessage is not available to this page';
      return;
    }
    try {
      runtime.sendMessage(EXTENSION_ID, { type: 'toggle-panel' }, (reply) => {
        attempts.runtime = `reply ${text(reply)} ${text(runtime.lastError?.message)}`;
      });
    } catch (e) {
      attempts.runtime = `threw ${e}`;
    }
  };

  // Framing the panel itself: by its static URL, and by the URL copied from the bridge's frame.
  const frameCopy = (id, src) => {
    const frame = document.createElement('iframe');
    frame.id = id;
    frame.src = src;
    frame.title = id;
    frame.style.cssText = 'width:300px;height:200px';
    frame.addEventListener('load', () => (attempts[id] = 'load event'));
    document.body.append(frame);
  };
  const tryFetch = (name, url) =>
    fetch(url).then(
      (r) => r.text().then((body) => (attempts[name] = `fetched ${r.status} ${body.length}`)),
      (e) => (attempts[name] = `refused ${e.name}`),
    );

  document.addEventListener('DOMContentLoaded', () => {
    // The page's own closed shadow root: proves the patch sees closed roots.
    const widget = document.getElementById('widget').attachShadow({ mode: 'closed' });
    const p = document.createElement('p');
    p.textContent = 'Hostens egen lukkede widget';
    widget.append(p);

    frameCopy('spy-static', STATIC_PANEL);
    void tryFetch('fetchStatic', STATIC_PANEL);
    tryRuntime();
    const panelFrame = () => document.querySelector('iframe[title^="Sidevogn"]');
    const copyWhenMounted = setInterval(() => {
      const ours = panelFrame();
      if (!ours) return;
      clearInterval(copyWhenMounted);
      attempts.copiedUrl = ours.src;
      frameCopy('spy-copy', ours.src);
      void tryFetch('fetchDynamic', ours.src);
    }, 20);
    setInterval(sweep, 150);
    setInterval(forge, 250);
  });

  window.__spy = { records: () => [...seen], stats, attempts };
})();
