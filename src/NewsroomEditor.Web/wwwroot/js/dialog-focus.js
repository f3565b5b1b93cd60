// A dialog's first text field (or, without one, its first control) holds the focus the moment the
// dialog is in the page. MudBlazor's focusing (AutoFocus, its focus trap's first focus) is a call
// from the server after the render: on a busy server it arrived after the first keys typed into the
// dialog, which went nowhere, or in the middle of them, taking the focus away from the field. Here
// the focus is set in the same task that puts the dialog into the page, before any further key is
// handled; the dialog provider is told not to move it (DefaultFocus.None) and no field asks to.
const textField = [
  'input:not([type])', 'input[type=text]', 'input[type=email]', 'input[type=url]', 'input[type=search]',
  'input[type=tel]', 'input[type=number]', 'input[type=password]', 'textarea',
].map((s) => `${s}:not([disabled]):not([readonly])`).join(', ');

function focusFirstField(dialog) {
  if (dialog.contains(document.activeElement)) return;
  const field = dialog.querySelector(textField)
    ?? dialog.querySelector('button:not([disabled]), input:not([disabled]):not([type=hidden]), select, [tabindex="0"]');
  if (field instanceof HTMLElement) field.focus({ preventScroll: true });
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (!(node instanceof Element)) continue;
      const dialogs = node.matches('.mud-dialog') ? [node] : node.querySelectorAll('.mud-dialog');
      dialogs.forEach(focusFirstField);
    }
  }
}).observe(document.body, { childList: true, subtree: true });

// A field being typed in keeps what was typed. Blazor writes an input's value when the server
// re-renders it; on a busy server that render can carry a value from a few keys ago (the one the
// server last heard of), and writing it would erase the letters typed since. Such a write is always
// a value the field already held while being typed in, so it is ignored; any other value (the
// server clearing or changing the field) goes through. Leaving the field sends what it holds (the
// change event), so the server ends up with every letter.
const typedValues = new WeakMap();
const isTextControl = (el) => el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.matches(textField));

// Renders still on their way when the writer leaves the field (the server is behind) are stale too,
// for a few seconds; Blazor skips writing the values it has heard back from the browser, so an older
// one written late would otherwise stay.
const STALE_AFTER_LEAVING_MS = 5000;

document.addEventListener('focusin', (event) => {
  if (isTextControl(event.target)) typedValues.set(event.target, { values: new Set(), until: Infinity });
}, true);
document.addEventListener('focusout', (event) => {
  const typed = typedValues.get(event.target);
  if (typed) typed.until = Date.now() + STALE_AFTER_LEAVING_MS;
}, true);
document.addEventListener('input', (event) => {
  const typed = typedValues.get(event.target);
  if (typed) typed.values.add(event.target.value);
}, true);

for (const proto of [HTMLInputElement.prototype, HTMLTextAreaElement.prototype]) {
  const value = Object.getOwnPropertyDescriptor(proto, 'value');
  Object.defineProperty(proto, 'value', {
    configurable: true,
    enumerable: value.enumerable,
    get() {
      return value.get.call(this);
    },
    set(next) {
      const typed = typedValues.get(this);
      const current = value.get.call(this);
      const text = String(next);
      if (typed && text !== current) {
        const guarding = document.activeElement === this || Date.now() < typed.until;
        if (guarding && typed.values.has(text)) return;
        // The server set something else (cleared the field, say): that is not stale; start afresh.
        typedValues.delete(this);
        if (document.activeElement === this) typedValues.set(this, { values: new Set(), until: Infinity });
      }
      value.set.call(this, next);
    },
  });
}
