// Cleans HTML pasted from Word or Google Docs before ProseMirror parses it: the structure
// (headings, paragraphs, lists, bold/italic/underline/strike, links) survives, the rest goes.
// Formatting that those editors carry in inline styles is turned into elements first, because the
// style attributes are removed afterwards and the schema only knows elements.

const BOLD_WEIGHT = /^(bold|bolder|[6-9]00)$/i;
const ORDERED_MARKER = /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]/i;

function unwrap(el) {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function styleValue(el, name) {
  return (el.style && el.style.getPropertyValue(name) || '').trim().toLowerCase();
}

// Wraps the children of `el` in the given inline elements, outermost first.
function wrapChildren(el, tags) {
  if (!tags.length || !el.firstChild) return;
  const doc = el.ownerDocument;
  const outer = doc.createElement(tags[0]);
  let inner = outer;
  for (const tag of tags.slice(1)) {
    const next = doc.createElement(tag);
    inner.appendChild(next);
    inner = next;
  }
  while (el.firstChild) inner.appendChild(el.firstChild);
  el.appendChild(outer);
}

// Word marks its list paragraphs with `mso-list:l0 level1 lfo1` and prints the bullet or number
// itself (inside <![if !supportLists]>, turned into a data-list-marker span before parsing).
// Consecutive such paragraphs become real <ul>/<ol> lists, nested by level.
function convertWordLists(body) {
  const doc = body.ownerDocument;
  const paragraphs = Array.from(body.querySelectorAll('p')).filter((p) => /mso-list\s*:/i.test(p.getAttribute('style') || ''));
  let stack = []; // [{ list, level, lastItem }]
  let previous = null;
  for (const p of paragraphs) {
    const style = p.getAttribute('style') || '';
    const levelMatch = /level(\d+)/i.exec(style);
    const level = levelMatch ? parseInt(levelMatch[1], 10) : 1;
    const markerEl = p.querySelector('span[data-list-marker]');
    const marker = markerEl ? markerEl.getAttribute('data-list-marker').trim() : '';
    if (markerEl) markerEl.remove();
    const ordered = ORDERED_MARKER.test(marker);

    // A run of list paragraphs is broken by anything in between.
    if (!previous || previous.nextElementSibling !== p) stack = [];
    while (stack.length && stack[stack.length - 1].level > level) stack.pop();

    let top = stack[stack.length - 1];
    if (!top || top.level < level) {
      const list = doc.createElement(ordered ? 'ol' : 'ul');
      if (top && top.lastItem) top.lastItem.appendChild(list);
      else p.parentNode.insertBefore(list, p);
      top = { list, level, lastItem: null };
      stack.push(top);
    }
    const li = doc.createElement('li');
    const para = doc.createElement('p');
    while (p.firstChild) para.appendChild(p.firstChild);
    li.appendChild(para);
    top.list.appendChild(li);
    top.lastItem = li;
    // Keep the emptied <p> as the anchor for the adjacency test, remove it afterwards.
    p.setAttribute('data-list-consumed', '');
    previous = p;
    // The next list paragraph follows the emptied <p>, so compare against it; the list element
    // was inserted before the first paragraph of the run, so siblings stay adjacent.
  }
  body.querySelectorAll('p[data-list-consumed]').forEach((p) => p.remove());
}

/**
 * Returns a cleaned copy of clipboard HTML. Exported for tests; used as ProseMirror's
 * transformPastedHTML.
 * @param {string} html
 * @returns {string}
 */
export function cleanPastedHtml(html) {
  if (!html) return html;
  let s = String(html)
    // Word's list bullets/numbers: keep the text as a marker attribute for convertWordLists.
    .replace(/<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi, (_, inner) => {
      const text = inner.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/"/g, '').trim();
      return `<span data-list-marker="${text}"></span>`;
    })
    // Conditional comments (Word's VML, fallbacks) and every other comment.
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^\]]*\]>[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|xml|script|title|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(meta|link)\b[^>]*>/gi, '')
    .replace(/<\/?o:p\b[^>]*>/gi, '')
    .replace(/<\/?(v|w|m|st1):[a-z]+\b[^>]*>/gi, '');

  const doc = new DOMParser().parseFromString(s, 'text/html');
  const body = doc.body;

  // Google Docs wraps the whole fragment in <b style="font-weight:normal" id="docs-internal-guid-…">,
  // which would otherwise make everything bold.
  body.querySelectorAll('b[id^="docs-internal-guid"]').forEach(unwrap);
  body.querySelectorAll('b, strong').forEach((el) => {
    const weight = styleValue(el, 'font-weight');
    if (weight && !BOLD_WEIGHT.test(weight)) unwrap(el);
  });

  convertWordLists(body);

  // Inline styles that carry formatting become elements.
  body.querySelectorAll('[style]').forEach((el) => {
    const tags = [];
    const weight = styleValue(el, 'font-weight');
    if (BOLD_WEIGHT.test(weight) && !el.closest('h1,h2,h3,h4,h5,h6')) tags.push('strong');
    if (styleValue(el, 'font-style') === 'italic') tags.push('em');
    const decoration = `${styleValue(el, 'text-decoration')} ${styleValue(el, 'text-decoration-line')}`;
    // Links are underlined by their own style in Google Docs; that is not an underline mark.
    if (/underline/.test(decoration) && !el.closest('a')) tags.push('u');
    if (/line-through/.test(decoration)) tags.push('s');
    wrapChildren(el, tags);
  });

  // The schema has headings 2–4 only: keep a document's title and deep headings as headings.
  body.querySelectorAll('h1, h5, h6').forEach((h) => {
    const level = h.tagName === 'H1' ? 'h2' : 'h4';
    const replacement = doc.createElement(level);
    while (h.firstChild) replacement.appendChild(h.firstChild);
    h.replaceWith(replacement);
  });

  body.querySelectorAll('*').forEach((el) => {
    el.removeAttribute('class');
    el.removeAttribute('style');
    el.removeAttribute('id');
    el.removeAttribute('lang');
    el.removeAttribute('dir');
  });
  body.querySelectorAll('span[data-list-marker]').forEach((el) => el.remove());

  return body.innerHTML;
}
