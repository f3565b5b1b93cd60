// The public article's "Copy link": copies the article's address instead of following it.
// Without script (or clipboard access) the link simply leads to the article itself.
document.addEventListener("click", async (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-copy-link]") : null;
    if (!link || !navigator.clipboard) {
        return;
    }
    event.preventDefault();
    try {
        await navigator.clipboard.writeText(link.href);
        const status = link.parentElement.querySelector(".share-copied");
        if (status) {
            status.textContent = link.dataset.copied;
        }
    } catch {
        window.location.href = link.href;
    }
});
