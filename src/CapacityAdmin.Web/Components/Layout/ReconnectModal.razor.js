// Opens the reconnect dialog while the circuit is down and reloads when the server no longer knows it.
const modal = document.getElementById("components-reconnect-modal");

function show(state) {
    modal.classList.toggle("components-reconnect-show", state === "show" || state === "retrying");
    modal.classList.toggle("components-reconnect-failed", state === "failed");
    if (!modal.open) modal.showModal();
}

document.getElementById("components-reconnect-reload")?.addEventListener("click", event => {
    event.preventDefault();
    location.reload();
});

modal?.addEventListener("components-reconnect-state-changed", event => {
    const state = event.detail.state;
    if (state === "hide") {
        modal.close();
    } else if (state === "rejected") {
        location.reload();
    } else {
        show(state);
    }
});
