/* Suggestions for the commune fields (inputs with data-commune-picker), from /communes.json.
   Optional: without JavaScript the server resolves what was typed. */
(function () {
  "use strict";
  var script = document.currentScript;
  var endpoint = script && script.getAttribute("data-endpoint");
  if (!endpoint || !window.fetch) { return; }
  document.querySelectorAll("input[data-commune-picker]").forEach(function (input) {
    var list = document.getElementById(input.id + "-suggestions");
    if (!list || input.dataset.communeReady) { return; }
    input.dataset.communeReady = "1";
    input.setAttribute("list", list.id);
    var timer = null, last = "";
    input.addEventListener("input", function () {
      var query = input.value.trim();
      clearTimeout(timer);
      if (query.length < 2 || query === last) { return; }
      timer = setTimeout(function () {
        last = query;
        fetch(endpoint + "?q=" + encodeURIComponent(query), {headers: {"Accept": "application/json"}})
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (communes) {
            list.textContent = "";
            communes.forEach(function (commune) {
              var option = document.createElement("option");
              option.value = commune.label;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience: typing still works */ });
      }, 150);
    });
  });
}());
