// Editors' helpers: Markdown toolbar, live preview and a warning before unsaved text is left.
// Progressive enhancement: the forms work without this file.
"use strict";

(() => {
  const body = document.querySelector("textarea[data-preview]");
  const token = document.querySelector("input[name=__RequestVerificationToken]");

  // Toolbar: wraps or prefixes the selection with Markdown.
  const toolbar = document.querySelector(".markdown-toolbar");
  if (toolbar && body) {
    toolbar.hidden = false;
    const actions = {
      bold: (s) => ["**", s || "fed tekst", "**"],
      italic: (s) => ["*", s || "kursiv tekst", "*"],
      heading: (s) => ["\n## ", s || "Mellemrubrik", "\n"],
      list: (s) => ["\n", (s || "punkt").split("\n").map((l) => "- " + l).join("\n"), "\n"],
      link: (s) => ["[", s || "linktekst", "](https://)"],
    };
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-md]");
      if (!button) return;
      const { selectionStart: start, selectionEnd: end, value } = body;
      const [before, text, after] = actions[button.dataset.md](value.slice(start, end));
      body.setRangeText(before + text + after, start, end, "end");
      body.focus();
      body.dispatchEvent(new Event("input"));
    });
  }

  // Live preview through the server's own renderer, so it matches the public site exactly.
  if (body && token) {
    const preview = document.querySelector(body.dataset.preview);
    const section = preview.closest("section");
    let timer;
    const refresh = async () => {
      const form = new FormData();
      form.append("text", body.value);
      const response = await fetch("/admin/markdown", {
        method: "POST",
        body: form,
        headers: { RequestVerificationToken: token.value },
        credentials: "same-origin",
      });
      if (response.ok) {
        preview.innerHTML = await response.text();
        section.hidden = false;
      }
    };
    body.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();
  }

  // Live content checks: the form as typed goes to the page's "Checks" handler, which renders the
  // same findings section a save shows (and writes nothing). Replaced only when it changed, so a
  // screen reader is not told the same findings at every keystroke.
  const checked = document.querySelector("form[data-checks]");
  if (checked) {
    let timer;
    const refresh = async () => {
      const current = document.querySelector("[data-live-checks]");
      const response = await fetch(checked.dataset.checks, {
        method: "POST",
        body: new FormData(checked),
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const html = (await response.text()).trim();
      if (current && current.outerHTML.replace(/\s+/g, " ") !== html.replace(/\s+/g, " ")) {
        current.outerHTML = html;
      }
    };
    checked.addEventListener("input", (event) => {
      if (event.target.name === "Form.ChecksOverride") return;
      clearTimeout(timer);
      timer = setTimeout(refresh, 700);
    });
  }

  // "Gå til stedet i teksten": selects the finding's words in the text field where they are there as typed.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.finding__spot[data-excerpt]");
    const field = link && document.getElementById("Form_Body");
    if (!field) return;
    event.preventDefault();
    const at = field.value.indexOf(link.dataset.excerpt);
    field.focus();
    if (at >= 0) field.setSelectionRange(at, at + link.dataset.excerpt.length);
  });

  // Warn before leaving a form with unsaved text; submitting it is not leaving.
  for (const form of document.querySelectorAll("form.edit-form")) {
    let dirty = false;
    form.addEventListener("input", () => { dirty = true; });
    form.addEventListener("submit", () => { dirty = false; });
    window.addEventListener("beforeunload", (event) => {
      if (dirty) event.preventDefault();
    });
  }
})();

// "Indsæt billede": puts a library image's Markdown into the text at the cursor (issue 29).
(() => {
  const list = document.querySelector(".insert-image");
  const body = list && document.getElementById(list.dataset.target);
  if (!body || !list) return;
  list.querySelectorAll("button[data-insert-markdown]").forEach((b) => { b.hidden = false; });
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-insert-markdown]");
    if (!button) return;
    const { selectionStart: start, selectionEnd: end } = body;
    body.setRangeText("\n\n" + button.dataset.insertMarkdown + "\n\n", start, end, "end");
    body.focus();
    body.dispatchEvent(new Event("input"));
  });
})();

// The image library's size limit, told before a large file is sent at all.
(() => {
  const input = document.querySelector("input[type=file][data-max-bytes]");
  if (!input) return;
  input.addEventListener("change", () => {
    const max = Number(input.dataset.maxBytes);
    const file = input.files && input.files[0];
    input.setCustomValidity(file && file.size > max
      ? "Filen er for stor. Et billede må højst fylde " + Math.floor(max / 1048576) + " MB."
      : "");
  });
})();
