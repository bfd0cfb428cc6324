// derek pages: small enhancements only; every page works without this script.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Document viewer: the legend's checkboxes show or hide each kind of highlight.
  const text = document.getElementById("doctext");
  document.querySelectorAll("#legend input[data-kind]").forEach((box) => {
    box.addEventListener("change", () => {
      if (text) text.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  });
  // Bring the quote an answer links to into the middle of the screen.
  const quote = document.getElementById("quote");
  if (quote && location.hash === "#quote") {
    quote.scrollIntoView({ block: "center" });
  }
});
