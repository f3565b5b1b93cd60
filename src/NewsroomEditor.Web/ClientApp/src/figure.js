import { Node, mergeAttributes } from '@tiptap/core';

/**
 * An image from the media library with alt text and a caption, stored by media id only:
 * { type: 'figure', attrs: { mediaId, alt, caption } }. The URL is derived from `mediaUrl`
 * ("/media/{id}/640.jpg") for display and never stored.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    // texts: the words of the inputs (caption, alt text), in the person's interface language.
    return { mediaUrl: '', texts: {} };
  },

  addAttributes() {
    return {
      mediaId: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-media-id') || '',
        renderHTML: (attrs) => ({ 'data-media-id': attrs.mediaId }),
      },
      alt: {
        default: '',
        parseHTML: (el) => el.querySelector('img')?.getAttribute('alt') || '',
        renderHTML: () => ({}),
      },
      caption: {
        default: '',
        parseHTML: (el) => (el.querySelector('figcaption')?.textContent || '').trim(),
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-media-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { mediaId, alt, caption } = node.attrs;
    const template = this.options.mediaUrl;
    const img = { alt: alt || '' };
    if (template && mediaId) img.src = template.split('{id}').join(encodeURIComponent(mediaId));
    return ['figure', mergeAttributes(HTMLAttributes), ['img', img], ['figcaption', {}, caption || '']];
  },

  addNodeView() {
    return (props) => createFigureView(props, this.options.mediaUrl, this.options.texts);
  },
});

/** Text as stored: NFC-normalized (the server normalizes too; doing it here keeps undo and the local copy equal). */
const normalize = (value) => String(value ?? '').normalize('NFC');

function imageUrl(template, mediaId) {
  return template && mediaId ? template.split('{id}').join(encodeURIComponent(mediaId)) : '';
}

/**
 * The figure as the editor shows it: the image, and while the editor is editable an inline caption
 * input (inside the figcaption) and a small alt-text input. Typing in them changes the node's attrs
 * by a transaction, so it is an edit like any other (undo, OnBodyChanged, the local copy). Read-only
 * shows a plain figcaption.
 */
function createFigureView({ editor, node: initialNode, getPos }, mediaUrl, texts = {}) {
  const captionLabel = texts.caption || 'Caption';
  const altLabelText = texts.altText || 'Alt text';
  const altPlaceholder = texts.altTextPlaceholder || 'Alt text (describe the image)';
  let node = initialNode;
  const dom = document.createElement('figure');
  const img = document.createElement('img');
  const figcaption = document.createElement('figcaption');
  dom.append(img, figcaption);

  let captionInput = null;
  let altInput = null;
  let altLabel = null;
  let editable = null; // the mode the DOM was built for

  // Changes the attrs of this figure by a transaction (like Tiptap's NodeView.updateAttributes).
  function updateAttributes(attrs) {
    const pos = typeof getPos === 'function' ? getPos() : undefined;
    if (typeof pos !== 'number' || !editor.isEditable) return;
    const current = editor.state.doc.nodeAt(pos);
    if (!current || current.type.name !== 'figure') return;
    const tr = editor.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, ...attrs });
    editor.view.dispatch(tr);
  }

  // An empty caption is stored as none (null), as the server stores it.
  const attrValue = (attr, value) => {
    const text = normalize(value);
    return attr === 'caption' && text === '' ? null : text;
  };

  function makeInput(label, className, attr) {
    const input = document.createElement('input');
    input.type = 'text';
    input.className = className;
    input.setAttribute('aria-label', label);
    input.spellcheck = true;
    input.addEventListener('input', () => {
      // Normalizing while composing (IME) would fight the composition; the final input event does it.
      if (input.isComposing) return;
      updateAttributes({ [attr]: attrValue(attr, input.value) });
    });
    input.addEventListener('compositionend', () => updateAttributes({ [attr]: attrValue(attr, input.value) }));
    // Selecting text in an input inside a draggable element would start a drag of the figure.
    input.addEventListener('focus', () => { dom.draggable = false; });
    input.addEventListener('blur', () => { dom.draggable = true; });
    return input;
  }

  function setValue(input, value) {
    if (input && input.value.normalize('NFC') !== value) input.value = value;
  }

  function build() {
    editable = editor.isEditable;
    figcaption.replaceChildren();
    altLabel?.remove();
    captionInput = altInput = altLabel = null;
    if (editable) {
      captionInput = makeInput(captionLabel, 'figure-caption-input', 'caption');
      captionInput.placeholder = captionLabel;
      figcaption.append(captionInput);
      altLabel = document.createElement('div');
      altLabel.className = 'figure-alt';
      altInput = makeInput(altLabelText, 'figure-alt-input', 'alt');
      altInput.placeholder = altPlaceholder;
      altLabel.append(altInput);
      dom.append(altLabel);
    }
    render();
  }

  function render() {
    const { mediaId, alt, caption } = node.attrs;
    dom.setAttribute('data-media-id', mediaId || '');
    const src = imageUrl(mediaUrl, mediaId);
    if (src) {
      if (img.getAttribute('src') !== src) img.setAttribute('src', src);
    } else img.removeAttribute('src');
    img.setAttribute('alt', alt || '');
    if (editable) {
      setValue(captionInput, caption || '');
      setValue(altInput, alt || '');
    } else figcaption.textContent = caption || '';
  }

  const isInput = (target) =>
    target instanceof Element && !!target.closest('input') && dom.contains(target);

  const onEditorUpdate = () => {
    if (editor.isEditable !== editable) build();
  };
  editor.on('update', onEditorUpdate);
  editor.on('transaction', onEditorUpdate);

  build();

  return {
    dom,
    update(updated) {
      if (updated.type !== node.type) return false;
      node = updated;
      if (editor.isEditable !== editable) build();
      else render();
      return true;
    },
    // The inputs keep their own events (Enter, Backspace, arrows, clicks, paste): ProseMirror stays out.
    stopEvent(event) {
      return isInput(event.target);
    },
    // The view changes its own DOM (the inputs, the mode): none of it is content for ProseMirror.
    ignoreMutation(mutation) {
      return mutation.type !== 'selection' || isInput(mutation.target);
    },
    destroy() {
      editor.off('update', onEditorUpdate);
      editor.off('transaction', onEditorUpdate);
    },
  };
}
