// A form sent back with errors: the focus goes to its error summary, which a screen reader then
// reads and from which its links lead to each field (WCAG 3.3.1; the summary has tabindex="-1").
// Without JavaScript the summary is still first in the form and announced as an alert.
(function () {
  function focusSummary() {
    var summary = document.querySelector(".error-summary");
    if (!summary) return;
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusSummary);
  else focusSummary();
  // A page sent back at a #fragment: the browser's scroll to it, after the above, leaves the
  // focus on the page itself; given back to the summary once the page has loaded.
  window.addEventListener("load", function () {
    if (document.activeElement === document.body) focusSummary();
  });
})();
