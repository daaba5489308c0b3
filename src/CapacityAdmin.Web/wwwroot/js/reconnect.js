// Stop-gap for the 9.0 blazor.web.js served by build/BlazorWebJs.targets: the .NET 10 template's
// ReconnectModal listens for an event that only the 10.0 client raises. The 9.0 client toggles
// classes on #components-reconnect-modal instead, so watch them. Remove with the targets file.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    new MutationObserver(() => {
        const c = modal.classList;
        if (c.contains("components-reconnect-rejected")) {
            location.reload();
        } else if (c.contains("components-reconnect-show") || c.contains("components-reconnect-failed")) {
            if (!modal.open) modal.showModal();
        } else if (c.contains("components-reconnect-hide") && modal.open) {
            modal.close();
        }
    }).observe(modal, { attributes: true, attributeFilter: ["class"] });
})();
