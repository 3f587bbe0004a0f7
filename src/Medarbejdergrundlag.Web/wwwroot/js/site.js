// Progressive enhancement only: every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard || !window.isSecureContext) {
    return; // The link stays visible for people to copy by hand.
  }

  for (const button of document.querySelectorAll("[data-copy-link]")) {
    const status = button.parentElement.querySelector("[role=status]");
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.copyLink);
        status.textContent = "Linket er kopieret.";
      } catch {
        status.textContent = "Linket kunne ikke kopieres. Markér det, og kopiér det selv.";
      }
    });
  }
});
