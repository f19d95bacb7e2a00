/* Job and skill suggestions as one types, on the profile page: an ARIA 1.2 combobox (list
   autocomplete) over /directory/suggest.json. Optional: without JavaScript the form posts the
   words typed and the page lists the entries to choose from.

   A form with data-rome-suggest="job|skill" and data-endpoint gets it on its "-text" input;
   choosing an entry fills the form's "-code" field, so the form adds exactly that entry.
   Keys: Down/Up move through the list, Enter chooses, Escape closes (then clears). */
(function () {
  "use strict";
  if (!window.fetch) { return; }
  var forms = document.querySelectorAll("form[data-rome-suggest]");

  function setup(form, index) {
    var input = form.querySelector("input[name$='-text']");
    if (!input || input.dataset.suggestReady) { return; }
    input.dataset.suggestReady = "1";
    var prefix = input.name.slice(0, -"-text".length);
    var code = form.querySelector("input[name='" + prefix + "-code']");
    if (!code) {
      code = document.createElement("input");
      code.type = "hidden";
      code.name = prefix + "-code";
      form.appendChild(code);
    }
    var listId = "rome-suggest-" + index;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "rome-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.dataset.listLabel || "");
    // The focus stays in the input (aria-activedescendant): a scrolling list would otherwise be
    // a Tab stop of its own in Chrome, and so would nothing useful.
    list.tabIndex = -1;
    list.hidden = true;
    input.parentNode.appendChild(list);
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    input.parentNode.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var entries = [], active = -1, timer = null, asked = "", generation = 0;

    function say(count) {
      var text = count === 0 ? form.dataset.msgNone
        : (count === 1 ? form.dataset.msgOne : form.dataset.msgMany).replace("{n}", count);
      status.textContent = text || "";
    }

    function close() {
      // An answer still on its way must not open the list again once it is closed.
      clearTimeout(timer);
      generation++;
      asked = "";
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(position) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      active = (position + options.length) % options.length;
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({block: "nearest"});
    }

    function choose(position) {
      var entry = entries[position];
      if (!entry) { return; }
      input.value = entry.label;
      code.value = entry.code;
      close();
      status.textContent = entry.label;
    }

    function show(found) {
      // A slower answer to an earlier query can arrive while the arrows move through the list:
      // keep the entry the person is on if the new list still has it.
      var kept = active >= 0 && entries[active] ? entries[active].code : null;
      entries = found;
      list.textContent = "";
      found.forEach(function (entry, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.tabIndex = -1;
        option.textContent = entry.label;
        if (entry.group_label) {
          var group = document.createElement("span");
          group.className = "muted";
          group.textContent = " — " + entry.group_label;
          option.appendChild(group);
        }
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(i); input.focus(); });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      say(found.length);
      var again = found.findIndex(function (entry) { return entry.code === kept; });
      if (again >= 0) { highlight(again); }
    }

    function ask() {
      var query = input.value.trim();
      if (query.length < 2) { show([]); status.textContent = ""; return; }
      if (query === asked) { return; }
      asked = query;
      var mine = ++generation;
      fetch(form.dataset.endpoint + "&q=" + encodeURIComponent(query), {headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (found) { if (mine === generation) { show(found); } })
        .catch(function () { /* a convenience: the form still works */ });
    }

    input.addEventListener("input", function () {
      code.value = "";  // what is typed now is text, until an entry is chosen
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open && entries.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open) { highlight(active - 1); }
      } else if (event.key === "Enter") {
        if (open && active >= 0) { event.preventDefault(); choose(active); }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); } else if (input.value) { input.value = ""; code.value = ""; asked = ""; }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  forms.forEach(setup);
}());
