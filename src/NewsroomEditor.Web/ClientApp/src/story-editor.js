// The story body editor: Tiptap (ProseMirror) with the schema of DESIGN.md §3, a local copy in
// localStorage so that no keystroke is lost, and a small handle for the Blazor component
// (imported lazily as an IJSObjectReference; no window globals).
import { Editor, Extension, getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { CharacterCount } from '@tiptap/extensions';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { Figure } from './figure.js';
import { cleanPastedHtml } from './paste.js';

const DRAFT_KEY_PREFIX = 'newsroom:draft:';
const BODY_CHANGED_DEBOUNCE_MS = 250;
const BODY_CHANGED_MAX_WAIT_MS = 1000;
const LOCAL_COPY_DEBOUNCE_MS = 300;
// However long the typing goes on without a pause, the local copy is written at least this often:
// a debounce alone would wait for the first pause, and a crash during steady typing lose it all.
const LOCAL_COPY_MAX_WAIT_MS = 2000;
const STATE_THROTTLE_MS = 100;
const COUNT_THROTTLE_MS = 2000;
const HEADING_LEVELS = [2, 3, 4];

/**
 * True for an absolute http(s) URL with a host, or a mailto: address. Everything else
 * (javascript:, data:, vbscript:, relative paths, protocol-relative //host) is refused.
 * @param {unknown} href
 */
export function isSafeHref(href) {
  if (typeof href !== 'string') return false;
  const value = href.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(value)) return false;
  try {
    const url = new URL(value);
    if (url.protocol === 'mailto:') return url.pathname.length > 0;
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

// The canonical body is plain ProseMirror JSON with the attributes the server's schema knows:
// Tiptap's Link adds target/rel/class/title and OrderedList adds type, which are dropped here.
function canonicalMarks(marks) {
  return marks.map((mark) => (mark.type === 'link' ? { type: 'link', attrs: { href: mark.attrs?.href ?? '' } } : { type: mark.type }));
}

function canonicalNode(node) {
  const out = { type: node.type };
  if (node.type === 'heading') out.attrs = { level: node.attrs?.level ?? 2 };
  else if (node.type === 'orderedList') out.attrs = { start: node.attrs?.start ?? 1 };
  else if (node.type === 'figure') {
    out.attrs = { mediaId: node.attrs?.mediaId ?? '', alt: node.attrs?.alt ?? '', caption: node.attrs?.caption ?? '' };
  }
  if (node.type === 'text') out.text = node.text;
  if (node.marks && node.marks.length) out.marks = canonicalMarks(node.marks);
  if (node.content) out.content = node.content.map(canonicalNode);
  return out;
}

function parseBody(body) {
  if (body === null || body === undefined || body === '') return null;
  return typeof body === 'string' ? JSON.parse(body) : body;
}

function readStorage(key) {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function removeStorage(key) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* storage unavailable: nothing to remove */
  }
}

function shallowEqual(a, b) {
  if (!a || !b) return false;
  for (const key of Object.keys(a)) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Mounts the story editor.
 * @param {HTMLElement} host element containing `[data-editor-surface]`; also the root for
 *   `[data-draft-field]` inputs and `[data-offline-status]` elements.
 * @param {{ invokeMethodAsync(name: string, ...args: any[]): Promise<any> }} dotNetRef
 * @param {{ storyId: string, bodyJson: string, version: number, readOnly?: boolean, mediaUrl?: string,
 *   texts?: { body?: string, offline?: string, caption?: string, altText?: string, altTextPlaceholder?: string } }} options
 *   `texts` are the words the module writes on the page, in the person's interface language (the
 *   component localizes them); the English ones below only stand in when a text is missing.
 */
export function createStoryEditor(host, dotNetRef, options) {
  if (!host) throw new Error('createStoryEditor: host element is required.');
  const opts = options || {};
  const storyId = String(opts.storyId ?? '');
  if (!storyId) throw new Error('createStoryEditor: options.storyId is required.');
  const surface = host.querySelector('[data-editor-surface]');
  if (!surface) throw new Error('createStoryEditor: host has no [data-editor-surface] element.');

  const texts = {
    body: 'Body',
    offline: 'Offline — kept in this browser',
    caption: 'Caption',
    altText: 'Alt text',
    altTextPlaceholder: 'Alt text (describe the image)',
    ...Object.fromEntries(Object.entries(opts.texts || {}).filter(([, value]) => typeof value === 'string' && value !== '')),
  };
  const draftKey = DRAFT_KEY_PREFIX + storyId;
  let serverVersion = Number(opts.version ?? 0);
  let sequence = 0; // bumped on every change of the body or of a draft field
  let lastReadSequence = 0; // the sequence of the last getBodyBytes()
  let lastReadFields = {}; // the draft fields as they were at the last getBodyBytes()
  let savedSequence = 0; // the sequence the server has confirmed via markSaved
  let localDirty = false; // a change not yet written to localStorage
  let fields = {};
  let offline = false;
  let destroyed = false;
  let storageWarned = false;
  const offlineOriginalText = new Map();

  // A copy left by an earlier session is protected until the user decides (restoreLocalBody or
  // discardLocalDraft): it is neither overwritten nor removed by markSaved in the meantime.
  let pendingDraft = readStorage(draftKey);
  if (pendingDraft && pendingDraft.storyId !== undefined && String(pendingDraft.storyId) !== storyId) pendingDraft = null;

  // Ctrl-K (Cmd-K) opens the page's link dialog, the toolbar's own, with the link under the cursor:
  // one dialog for both ways in, in the person's language, that a keyboard user can Tab through.
  const linkShortcut = Extension.create({
    name: 'newsroomLinkShortcut',
    addKeyboardShortcuts() {
      return {
        'Mod-k': () => {
          if (!this.editor.isEditable) return false;
          invokeDotNet('OnLinkRequested', this.editor.getAttributes('link').href || '');
          return true;
        },
      };
    },
  });

  const extensions = [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      heading: { levels: HEADING_LEVELS },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: null },
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => isSafeHref(url),
      },
      underline: {},
    }),
    CharacterCount.configure({
      wordCounter: (text) => text.split(/\s+/).filter((word) => word !== '').length,
    }),
    Figure.configure({ mediaUrl: opts.mediaUrl || '', texts }),
    linkShortcut,
  ];

  // Refuse a body that does not fit the schema instead of silently showing (and then saving)
  // an empty document.
  const schema = getSchema(extensions);
  const toDoc = (json) => {
    const value = json ?? { type: 'doc', content: [{ type: 'paragraph' }] };
    const node = schema.nodeFromJSON(value);
    node.check();
    return value;
  };
  // StarterKit's TrailingNode appends an empty paragraph on the first transaction (even a click)
  // when the document does not end in one; doing it up front keeps opening a story from looking
  // like an edit.
  const withTrailingParagraph = (json) => {
    const content = Array.isArray(json.content) ? json.content : [];
    const last = content[content.length - 1];
    return last && last.type === 'paragraph' ? json : { ...json, content: [...content, { type: 'paragraph' }] };
  };
  const initialDoc = withTrailingParagraph(toDoc(parseBody(opts.bodyJson)));

  const editor = new Editor({
    element: surface,
    extensions,
    content: initialDoc,
    editable: !opts.readOnly,
    injectCSS: false, // the rules live in wwwroot/css/story-editor.css (no inline <style>, CSP-friendly)
    editorProps: {
      attributes: { 'aria-label': texts.body, 'aria-multiline': 'true', spellcheck: 'true' },
      transformPastedHTML: (html) => cleanPastedHtml(html),
    },
  });

  const getJson = () => canonicalNode(editor.getJSON());

  // ---- calls into .NET (never throw into the editor; the circuit may be down) -----------------
  function invokeDotNet(method, ...args) {
    if (destroyed || !dotNetRef) return;
    try {
      const result = dotNetRef.invokeMethodAsync(method, ...args);
      if (result && typeof result.catch === 'function') result.catch(() => {});
    } catch {
      /* disconnected or disposed: the local copy has the content */
    }
  }

  // ---- state (throttled, only when it changed) -------------------------------------------------
  // The toolbar's formatting follows the cursor within STATE_THROTTLE_MS. The word and character
  // counts change with every key, and each report is a message to the server and a render of the
  // page back: they follow at most every COUNT_THROTTLE_MS, so that typing sends no message per
  // key, and they are only counted (the whole body's text) when they are sent.
  let lastSentState = null;
  let stateTimer = 0;
  let stateTimerForCounts = false; // the pending timer only waits for the counts' turn
  let lastStateSentAt = 0;
  let lastCountsSentAt = 0;
  let countsStale = true; // the body changed since the counts were last sent

  function formattingState() {
    let heading = 0;
    for (const level of HEADING_LEVELS) {
      if (editor.isActive('heading', { level })) heading = level;
    }
    return {
      bold: editor.isActive('bold'),
      italic: editor.isActive('italic'),
      underline: editor.isActive('underline'),
      strike: editor.isActive('strike'),
      heading,
      bulletList: editor.isActive('bulletList'),
      orderedList: editor.isActive('orderedList'),
      blockquote: editor.isActive('blockquote'),
      link: editor.isActive('link'),
      canUndo: editor.isEditable && editor.can().undo(),
      canRedo: editor.isEditable && editor.can().redo(),
    };
  }

  function getState() {
    const counter = editor.storage.characterCount;
    return { ...formattingState(), words: counter.words(), characters: counter.characters() };
  }

  function sendStateNow() {
    stateTimer = 0;
    stateTimerForCounts = false;
    if (destroyed) return;
    const now = Date.now();
    lastStateSentAt = now;
    const formatting = formattingState();
    const formattingChanged = !lastSentState || Object.keys(formatting).some((key) => formatting[key] !== lastSentState[key]);
    if (!formattingChanged) {
      if (!countsStale) return;
      const wait = lastCountsSentAt + COUNT_THROTTLE_MS - now;
      if (wait > 0) {
        stateTimer = setTimeout(sendStateNow, wait);
        stateTimerForCounts = true;
        return;
      }
    }
    const counter = editor.storage.characterCount;
    const state = { ...formatting, words: counter.words(), characters: counter.characters() };
    countsStale = false;
    lastCountsSentAt = now;
    if (shallowEqual(state, lastSentState)) return;
    lastSentState = state;
    invokeDotNet('OnEditorStateChanged', state);
  }

  function scheduleState() {
    if (destroyed || (stateTimer && !stateTimerForCounts)) return;
    // A formatting change must not wait for the counts' turn.
    clearTimeout(stateTimer);
    stateTimerForCounts = false;
    const wait = Math.max(0, STATE_THROTTLE_MS - (Date.now() - lastStateSentAt));
    stateTimer = setTimeout(sendStateNow, wait);
  }

  // ---- body changed ping (debounced, no payload) -----------------------------------------------
  let bodyTimer = 0;
  let bodyFirstPendingAt = 0;

  function sendBodyChanged() {
    clearTimeout(bodyTimer);
    bodyTimer = 0;
    bodyFirstPendingAt = 0;
    invokeDotNet('OnBodyChanged');
  }

  function scheduleBodyChanged() {
    const now = Date.now();
    if (!bodyFirstPendingAt) bodyFirstPendingAt = now;
    clearTimeout(bodyTimer);
    const wait = Math.min(BODY_CHANGED_DEBOUNCE_MS, Math.max(0, bodyFirstPendingAt + BODY_CHANGED_MAX_WAIT_MS - now));
    bodyTimer = setTimeout(sendBodyChanged, wait);
  }

  // ---- local copy ------------------------------------------------------------------------------
  let localTimer = 0;

  // The attribute may sit on the input itself or on a wrapper (a component library may put extra
  // attributes on its outer element): the value comes from the first input/textarea/select inside.
  function fieldInput(el) {
    return el.matches('input, textarea, select') ? el : el.querySelector('input, textarea, select');
  }

  function readFields() {
    const current = { ...fields };
    host.querySelectorAll('[data-draft-field]').forEach((el) => {
      const name = el.getAttribute('data-draft-field');
      const input = fieldInput(el);
      if (name && input) current[name] = input.value;
    });
    fields = current;
    return current;
  }

  let localFirstPendingAt = 0;

  function writeLocalCopy() {
    clearTimeout(localTimer);
    localTimer = 0;
    localFirstPendingAt = 0;
    if (!localDirty || pendingDraft) return;
    const copy = {
      storyId,
      version: serverVersion,
      sequence,
      savedLocallyAt: new Date().toISOString(),
      fields: readFields(),
      body: getJson(),
    };
    try {
      window.localStorage.setItem(draftKey, JSON.stringify(copy));
      localDirty = false;
    } catch (err) {
      // Quota exceeded or storage disabled: typing must go on; the server autosave still runs.
      if (!storageWarned) {
        storageWarned = true;
        console.warn('story-editor: could not keep a local copy of the draft', err);
      }
    }
  }

  function scheduleLocalCopy() {
    localDirty = true;
    const now = Date.now();
    if (!localFirstPendingAt) localFirstPendingAt = now;
    clearTimeout(localTimer);
    const wait = Math.min(LOCAL_COPY_DEBOUNCE_MS, Math.max(0, localFirstPendingAt + LOCAL_COPY_MAX_WAIT_MS - now));
    localTimer = setTimeout(writeLocalCopy, wait);
  }

  // data-unsaved on the host says whether the browser holds changes the server has not confirmed:
  // what a person (or a test) can wait on before trusting "Saved hh:mm".
  const reflectUnsaved = () => host.setAttribute('data-unsaved', String(sequence > savedSequence));
  reflectUnsaved();

  // ---- events ------------------------------------------------------------------------------------
  editor.on('update', () => {
    sequence += 1;
    countsStale = true;
    reflectUnsaved();
    scheduleLocalCopy();
    scheduleBodyChanged();
  });
  editor.on('transaction', scheduleState);

  const onInput = (event) => {
    const target = event.target;
    if (!(target instanceof Element) || surface.contains(target)) return;
    const field = target.closest('[data-draft-field]');
    if (!field || !host.contains(field)) return;
    sequence += 1;
    reflectUnsaved();
    scheduleLocalCopy();
    scheduleBodyChanged(); // "something to save": the page reads fields and body together
  };
  host.addEventListener('input', onInput);

  const flushLocalCopy = () => {
    if (localDirty) writeLocalCopy();
  };
  const onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') flushLocalCopy();
  };
  document.addEventListener('visibilitychange', onVisibilityChange);
  window.addEventListener('pagehide', flushLocalCopy);

  function setOffline(value) {
    if (value === offline) return;
    offline = value;
    const statusElements = host.querySelectorAll('[data-offline-status]');
    if (value) {
      host.setAttribute('data-offline', 'true');
      statusElements.forEach((el) => {
        if (!offlineOriginalText.has(el)) offlineOriginalText.set(el, el.textContent);
        el.textContent = texts.offline;
      });
      flushLocalCopy();
    } else {
      host.removeAttribute('data-offline');
      statusElements.forEach((el) => {
        if (el.textContent === texts.offline) el.textContent = offlineOriginalText.get(el) ?? '';
      });
      offlineOriginalText.clear();
      // Pings sent while disconnected were lost, and so may be a save the server had under way
      // (its read went into the dead connection): tell the component, which saves at once.
      clearTimeout(bodyTimer);
      bodyTimer = 0;
      bodyFirstPendingAt = 0;
      invokeDotNet('OnReconnected', sequence !== savedSequence);
      lastSentState = null;
      scheduleState();
    }
  }

  // Blazor dispatches this on the reconnect dialog without bubbling, so listen in the capture phase.
  const onReconnectState = (event) => {
    const state = event?.detail?.state;
    if (!state) return;
    setOffline(state !== 'hide');
  };
  document.addEventListener('components-reconnect-state-changed', onReconnectState, true);

  // ---- commands ------------------------------------------------------------------------------------
  function runLink(href) {
    if (href === '' || href === null || href === undefined) {
      return editor.chain().focus().extendMarkRange('link').unsetLink().run();
    }
    if (!isSafeHref(href)) return false;
    const value = href.trim();
    if (editor.state.selection.empty && !editor.isActive('link')) {
      return editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] })
        .run();
    }
    return editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
  }

  function command(name, args) {
    if (destroyed || !editor.isEditable) return false;
    const chain = () => editor.chain().focus();
    switch (name) {
      case 'bold': return chain().toggleBold().run();
      case 'italic': return chain().toggleItalic().run();
      case 'underline': return chain().toggleUnderline().run();
      case 'strike': return chain().toggleStrike().run();
      case 'heading': {
        const level = Number(args);
        if (!HEADING_LEVELS.includes(level)) return false;
        return chain().toggleHeading({ level }).run();
      }
      case 'paragraph': return chain().setParagraph().run();
      case 'bulletList': return chain().toggleBulletList().run();
      case 'orderedList': return chain().toggleOrderedList().run();
      case 'blockquote': return chain().toggleBlockquote().run();
      case 'horizontalRule': return chain().setHorizontalRule().run();
      case 'link': return runLink(typeof args === 'string' ? args : '');
      case 'unlink': return chain().extendMarkRange('link').unsetLink().run();
      case 'undo': return chain().undo().run();
      case 'redo': return chain().redo().run();
      case 'insertFigure': {
        const a = args || {};
        const mediaId = String(a.mediaId ?? '').trim();
        if (!mediaId) return false;
        const figure = { type: 'figure', attrs: { mediaId, alt: String(a.alt ?? ''), caption: String(a.caption ?? '') } };
        // A selected node (say the photo just placed) is kept and the new photo goes after it:
        // Tiptap's insertContent would replace it, losing the first of two photos placed in a row.
        const { selection } = editor.state;
        const at = selection instanceof NodeSelection ? selection.to : { from: selection.from, to: selection.to };
        const placed = chain()
          .insertContentAt(at, figure)
          .command(({ tr, state }) => {
            // The writer goes on below the photo: the cursor moves into the paragraph after it, made
            // here when none follows (the trailing-node extension would add one only in a later
            // transaction, leaving the photo selected, and the next key typed would replace it).
            if (!(tr.selection instanceof NodeSelection)) return true;
            const after = tr.selection.to;
            if (!tr.doc.resolve(after).nodeAfter?.isTextblock) tr.insert(after, state.schema.nodes.paragraph.create());
            tr.setSelection(TextSelection.create(tr.doc, after + 1));
            return true;
          })
          .run();
        if (placed) keepFocusThroughDialog();
        return placed;
      }
      default: return false;
    }
  }

  // The photo is placed while the dialog that chose it is still open (the server does it before
  // closing the dialog), and the dialog holds the focus. Its removal would leave the focus on the
  // page until a later call from the server gave it back: on a busy server the first keys typed
  // the moment the dialog disappeared went nowhere. So the focus comes back here, in the same task
  // that removes the last dialog, before any further key is handled, unless the writer has put it
  // somewhere else meanwhile.
  let dialogWatch = null;
  function keepFocusThroughDialog() {
    if (!document.querySelector('.mud-dialog')) return;
    dialogWatch?.disconnect();
    dialogWatch = new MutationObserver(() => {
      if (document.querySelector('.mud-dialog')) return;
      dialogWatch.disconnect();
      dialogWatch = null;
      const active = document.activeElement;
      if (!destroyed && editor.isEditable && (!active || active === document.body)) editor.view.focus();
    });
    dialogWatch.observe(document.body, { childList: true, subtree: true });
  }

  function replaceContent(json) {
    return editor.chain().setMeta('addToHistory', false).setContent(json, { emitUpdate: true }).run();
  }

  // ---- the handle ----------------------------------------------------------------------------------
  const handle = {
    command,
    getState,
    getChangeSequence: () => sequence,
    // The sequence the last getBodyBytes() read; asked right after it, so a keystroke in between cannot be mistaken for saved.
    getReadSequence: () => lastReadSequence,
    // The draft fields as typed, read together with the body: the server saves what the browser
    // shows, so a field never waits for a round trip that could overwrite letters typed meanwhile.
    getReadFields: () => lastReadFields,

    getBodyBytes() {
      lastReadSequence = sequence;
      lastReadFields = readFields();
      return new TextEncoder().encode(JSON.stringify(getJson()));
    },

    markSaved(readSequence, newVersion) {
      const seq = Number(readSequence ?? lastReadSequence);
      if (newVersion !== undefined && newVersion !== null) serverVersion = Number(newVersion);
      if (seq > savedSequence) savedSequence = seq;
      reflectUnsaved();
      if (pendingDraft) return; // an earlier session's copy waits for the user's decision
      if (seq === sequence) {
        clearTimeout(localTimer);
        localTimer = 0;
        localDirty = false;
        removeStorage(draftKey);
        return;
      }
      // Changed since: keep the copy, now based on the new server version.
      const stored = readStorage(draftKey);
      if (stored) {
        stored.version = serverVersion;
        try {
          window.localStorage.setItem(draftKey, JSON.stringify(stored));
        } catch {
          /* the pending debounced write carries the new version */
        }
      }
    },

    getLocalDraft() {
      const copy = pendingDraft || readStorage(draftKey);
      if (!copy) return null;
      let bodyDiffers = true;
      try {
        bodyDiffers = JSON.stringify(canonicalNode(copy.body)) !== JSON.stringify(canonicalNode(initialDoc));
      } catch {
        /* unreadable body: treat as different */
      }
      return {
        version: Number(copy.version ?? 0),
        sequence: Number(copy.sequence ?? 0),
        savedLocallyAt: copy.savedLocallyAt ?? null,
        fields: copy.fields ?? {},
        bodyDiffers,
      };
    },

    restoreLocalBody() {
      const copy = pendingDraft || readStorage(draftKey);
      if (!copy || !copy.body) return false;
      let doc;
      try {
        doc = toDoc(copy.body);
      } catch (err) {
        console.warn('story-editor: the local copy does not fit the schema', err);
        return false;
      }
      pendingDraft = null;
      // The component puts these values back into its inputs; until it has, they are the copy's.
      fields = { ...fields, ...(copy.fields || {}) };
      replaceContent(doc); // emits update: sequence, local copy and OnBodyChanged follow
      return true;
    },

    discardLocalDraft() {
      pendingDraft = null;
      clearTimeout(localTimer);
      localTimer = 0;
      removeStorage(draftKey);
      // Edits made while the old copy was protected still need their own copy.
      if (sequence !== savedSequence) scheduleLocalCopy();
      else localDirty = false;
    },

    setContent(bodyJson) {
      let doc;
      try {
        doc = toDoc(parseBody(bodyJson));
      } catch (err) {
        console.warn('story-editor: setContent refused a body that does not fit the schema', err);
        return false;
      }
      return replaceContent(doc);
    },

    setReadOnly(readOnly) {
      editor.setEditable(!readOnly);
      lastSentState = null;
      scheduleState();
    },

    // Asked for after a dialog closes; on a busy server that can be after the writer has clicked
    // into another field and typed there: the focus is then theirs to keep.
    focus() {
      const active = document.activeElement;
      const elsewhere = active && active !== document.body && !surface.contains(active)
        && (active.matches('input, textarea, select, [contenteditable=true]') || !host.contains(active));
      if (!elsewhere) editor.commands.focus();
    },

    destroy() {
      if (destroyed) return;
      flushLocalCopy();
      destroyed = true;
      clearTimeout(stateTimer);
      clearTimeout(bodyTimer);
      clearTimeout(localTimer);
      host.removeEventListener('input', onInput);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('pagehide', flushLocalCopy);
      document.removeEventListener('components-reconnect-state-changed', onReconnectState, true);
      dialogWatch?.disconnect();
      host.removeAttribute('data-offline');
      editor.destroy();
    },
  };

  // The component renders its toolbar from the first state.
  scheduleState();
  return handle;
}
