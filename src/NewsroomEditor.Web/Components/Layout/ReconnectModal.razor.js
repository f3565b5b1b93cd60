// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

// A page that keeps what is typed in the browser while the server is away (the story editor) says
// so with data-keeps-work-offline: there the notice must not block the page, so that writing goes on.
// Elsewhere a click would go nowhere, and the modal says why.
const failedRetryMs = 5000;
let failedRetryTimer = 0;

function openNotice() {
    if (reconnectModal.open) return;
    if (document.querySelector("[data-keeps-work-offline]")) {
        // show() moves the focus into the dialog; the writer's caret stays where it was, in the same
        // task, so that no keystroke lands in between.
        const active = document.activeElement;
        reconnectModal.classList.add("components-reconnect-nonblocking");
        reconnectModal.show();
        if (active instanceof HTMLElement && active !== document.body) active.focus({ preventScroll: true });
    } else {
        reconnectModal.classList.remove("components-reconnect-nonblocking");
        reconnectModal.showModal();
    }
}

function stopRetryingOnline() {
    window.removeEventListener("online", retry);
    clearInterval(failedRetryTimer);
    failedRetryTimer = 0;
}

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        openNotice();
    } else if (event.detail.state === "hide") {
        stopRetryingOnline();
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        openNotice();
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        // Blazor gives up after its retries; a long outage must not leave the writer to find the
        // Retry button: try again as soon as the network is back, and every few seconds meanwhile.
        window.addEventListener("online", retry);
        if (!failedRetryTimer) failedRetryTimer = setInterval(retry, failedRetryMs);
    } else if (event.detail.state === "rejected") {
        location.reload();
    }
}

let retrying = false;

async function retry() {
    if (retrying) return;
    retrying = true;
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            // We'll reload the page so the user can continue using the app as quickly as possible.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                location.reload();
            } else {
                stopRetryingOnline();
                reconnectModal.close();
            }
        } else {
            stopRetryingOnline();
        }
    } catch (err) {
        // We got an exception, server is currently unavailable
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } finally {
        retrying = false;
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
