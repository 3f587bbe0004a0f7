// Progressive enhancement only: every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // The onboarding sheet's print button; without script, the browser's own print still works.
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }

  // The offer of the English page, to a reader whose browser prefers English and who has not
  // chosen a language here yet. Nothing redirects; the choice is remembered in this browser.
  const offer = document.querySelector("[data-language-offer]");
  if (offer) {
    let chosen = null;
    try {
      chosen = localStorage.getItem("mg-sprog");
    } catch {
      // Storage refused (private mode): offer every time, never break the page.
    }

    if (!chosen && (navigator.languages || [navigator.language]).find((l) => /^(da|en)\b/i.test(l))?.toLowerCase().startsWith("en")) {
      offer.hidden = false;
    }

    for (const choice of offer.querySelectorAll("[data-language-choice]")) {
      choice.addEventListener("click", () => {
        try {
          localStorage.setItem("mg-sprog", choice.dataset.languageChoice);
        } catch {
          // As above.
        }

        offer.hidden = true;
      });
    }
  }

  // Which search result is followed, by its place in the list, for HR's insight: sent on the way
  // out with the reader's form token, never who. The links stay the pages' own addresses (people
  // copy them); without script nothing is counted.
  const clicks = document.querySelector("[data-search-clicks]");
  if (clicks && navigator.sendBeacon) {
    const query = new URLSearchParams(location.search).get("q") || "";
    document.querySelectorAll(".search-results .search-result__title a").forEach((link, index) => {
      const send = () => {
        const body = new URLSearchParams();
        body.set(clicks.dataset.field, clicks.dataset.token);
        body.set("q", query);
        body.set("position", String(index + 1));
        navigator.sendBeacon(clicks.dataset.action, body);
      };
      link.addEventListener("click", send);
      // The middle button opens it in a new tab: followed too.
      link.addEventListener("auxclick", (event) => {
        if (event.button === 1) {
          send();
        }
      });
    });
  }

  // The phone's menu closes with Escape, as people expect of a menu, and gives the focus back to
  // its button; opening and closing it otherwise is the browser's own disclosure, without script.
  const menu = document.querySelector("details.site-menu");
  if (menu) {
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  }

  // A table wider than a phone scrolls in its box (words are not cut to fit): a box that scrolls
  // must take keyboard focus, so it can be scrolled without a mouse.
  for (const box of document.querySelectorAll(".table-scroll")) {
    if (box.scrollWidth > box.clientWidth) {
      box.tabIndex = 0;
    }
  }

  if (!navigator.clipboard || !window.isSecureContext) {
    return; // The link stays visible for people to copy by hand.
  }

  for (const button of document.querySelectorAll("[data-copy-link]")) {
    const status = button.parentElement.querySelector("[role=status]");
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.copyLink);
        status.textContent = button.dataset.copied || "Linket er kopieret.";
      } catch {
        status.textContent = button.dataset.copyFailed || "Linket kunne ikke kopieres. Markér det, og kopiér det selv.";
      }
    });
  }

  // Copies a longer text (the welcome email) from the read-only field it stays visible in.
  for (const button of document.querySelectorAll("[data-copy-from]")) {
    const source = document.getElementById(button.dataset.copyFrom);
    const status = button.parentElement.querySelector("[role=status]");
    if (!source) {
      continue;
    }

    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(source.value);
        status.textContent = button.dataset.copied || "Teksten er kopieret.";
      } catch {
        status.textContent = button.dataset.copyFailed || "Teksten kunne ikke kopieres. Markér den, og kopiér den selv.";
      }
    });
  }
});
