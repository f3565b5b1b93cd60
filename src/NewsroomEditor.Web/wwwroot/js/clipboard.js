// Copies text to the clipboard for the editing UI (imported lazily as a module by Blazor components).
// Returns false when the browser refuses (no clipboard outside https/localhost, or no permission),
// so the component can say "select and copy it yourself" instead of failing silently.
export async function copyText(text) {
    if (!navigator.clipboard) {
        return false;
    }
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
