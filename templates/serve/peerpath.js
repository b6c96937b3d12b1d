// peerpath serve: the role page's what-if. Every change is sent, with all the others, as one
// what-if to the server, which re-evaluates the role in memory and answers with the points, band,
// margins, sensitivity, factor rows and findings; nothing is saved. Text from the server is put
// in the page with textContent only.
(function () {
  "use strict";
  var root = document.getElementById("role");
  if (!root) return;
  var token = document.querySelector('meta[name="peerpath-token"]').getAttribute("content");
  var whatIfURL = root.getAttribute("data-what-if");
  var catalogueURL = root.getAttribute("data-catalogue");
  var state = { levels: {}, removeDuties: [], addDuties: [], removeCriteria: [], addCriteria: [] };
  var sequence = 0;
  var saved = {};
  ["duties", "criteria", "findings", "sensitivity", "factors"].forEach(function (id) {
    saved[id] = document.getElementById(id).cloneNode(true);
  });
  var initial = {
    points: document.getElementById("points").textContent,
    band: document.getElementById("band").textContent,
    margins: document.getElementById("margins").textContent
  };
  var status = document.getElementById("what-if-status");
  var fileStatus = status.textContent;

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function changeCount() {
    return Object.keys(state.levels).length + state.removeDuties.length + state.addDuties.length +
      state.removeCriteria.length + state.addCriteria.length;
  }

  function send() {
    var mine = ++sequence;
    var count = changeCount();
    if (count === 0) { reset(); return; }
    status.textContent = "Working out the what-if…";
    fetch(whatIfURL, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-PeerPath-Token": token },
      body: JSON.stringify(state)
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (mine !== sequence) return;
      if (!result.ok) { status.textContent = "Not evaluated: " + (result.body.error || "the server refused the what-if"); return; }
      show(result.body);
      status.textContent = "What-if with " + count + (count === 1 ? " change" : " changes") + ": Band " + result.body.band +
        ", " + result.body.points + " points. Nothing is saved.";
    }).catch(function () {
      if (mine === sequence) status.textContent = "The server did not answer; is peerpath serve still running?";
    });
  }

  function findingParagraph(finding) {
    var p = make("p", "finding " + finding.severity);
    p.setAttribute("data-code", finding.code);
    p.appendChild(make("strong", "severity", finding.severity));
    p.appendChild(document.createTextNode(" " + finding.message + " "));
    p.appendChild(make("code", null, finding.code));
    return p;
  }

  function show(answer) {
    document.getElementById("points").textContent = answer.points;
    document.getElementById("band").textContent = answer.band;
    document.getElementById("margins").textContent = answer.margins.text;
    var list = document.querySelector("#sensitivity ul");
    list.textContent = "";
    answer.sensitivityText.forEach(function (line) { list.appendChild(make("li", null, line)); });
    answer.factors.forEach(function (row) {
      var tr = document.querySelector('#factors tr[data-factor="' + row.factor + '"]');
      if (!tr) return;
      var select = tr.querySelector("select");
      if (select.value !== row.level) select.value = row.level;
      tr.querySelector(".letter").textContent = row.letter;
      tr.querySelector(".points").textContent = row.points;
      tr.querySelector(".evidence").textContent = row.evidence;
      tr.querySelector(".meaning").textContent = row.meaning;
      tr.classList.toggle("changed", state.levels[String(row.factor)] !== undefined);
    });
    document.querySelectorAll("#duties p.finding, #criteria p.finding").forEach(function (p) { p.remove(); });
    answer.duties.forEach(function (row) {
      var li = document.querySelector('#duties li[data-duty="' + CSS.escape(row.key) + '"]');
      if (li) li.querySelector(".number").textContent = row.number;
    });
    answer.criteria.forEach(function (row) {
      var li = document.querySelector('#criteria li[data-criterion="' + CSS.escape(row.key) + '"]');
      if (li) li.querySelector(".number").textContent = "C" + row.number;
    });
    var roleFindings = document.getElementById("findings");
    roleFindings.textContent = "";
    answer.findings.forEach(function (finding) {
      var parts = finding.subject.split(":");
      var kind = parts.shift(), key = parts.join(":");
      var li = null;
      if (kind === "duty") li = document.querySelector('#duties li[data-duty="' + CSS.escape(key) + '"]');
      if (kind === "criterion") li = document.querySelector('#criteria li[data-criterion="' + CSS.escape(key) + '"]');
      if (li) { li.appendChild(findingParagraph(finding)); return; }
      var item = make("li", "finding-item " + finding.severity);
      item.setAttribute("data-code", finding.code);
      item.appendChild(make("strong", "severity", finding.severity));
      item.appendChild(document.createTextNode(" " + finding.message + " "));
      item.appendChild(make("code", null, finding.code));
      roleFindings.appendChild(item);
    });
  }

  function reset() {
    sequence++;
    state = { levels: {}, removeDuties: [], addDuties: [], removeCriteria: [], addCriteria: [] };
    Object.keys(saved).forEach(function (id) {
      var fresh = saved[id].cloneNode(true);
      document.getElementById(id).replaceWith(fresh);
    });
    document.querySelectorAll("#factors select").forEach(function (select) {
      select.value = select.getAttribute("data-file-level");
    });
    document.getElementById("points").textContent = initial.points;
    document.getElementById("band").textContent = initial.band;
    document.getElementById("margins").textContent = initial.margins;
    status.textContent = fileStatus;
  }

  function remove(list, value) {
    var index = list.indexOf(value);
    if (index >= 0) list.splice(index, 1);
  }

  // Levels.
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.matches || !select.matches("#factors select")) return;
    var factor = select.closest("tr").getAttribute("data-factor");
    if (select.value === select.getAttribute("data-file-level")) delete state.levels[factor];
    else state.levels[factor] = select.value;
    send();
  });

  // Buttons: remove or restore a duty or criterion, add a catalogue duty or a criterion, reset.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button") : null;
    if (!button) return;
    if (button.id === "reset") { reset(); return; }
    var li = button.closest("li");
    if (button.classList.contains("remove-duty")) {
      var key = li.getAttribute("data-duty");
      if (li.classList.contains("added")) {
        remove(state.addDuties, key);
        li.remove();
        document.getElementById("duty-search").focus();
      } else if (li.classList.contains("removed")) {
        remove(state.removeDuties, key);
        li.classList.remove("removed");
        button.textContent = "Remove";
      } else {
        state.removeDuties.push(key);
        li.classList.add("removed");
        button.textContent = "Restore";
      }
      send();
    } else if (button.classList.contains("remove-criterion")) {
      var criterion = li.getAttribute("data-criterion");
      if (li.classList.contains("added")) {
        var index = Number(criterion.replace("new-", ""));
        state.addCriteria.splice(index, 1);
        li.remove();
        renumberAddedCriteria();
        document.getElementById("criterion-text").focus();
      } else if (li.classList.contains("removed")) {
        remove(state.removeCriteria, Number(criterion));
        li.classList.remove("removed");
        button.textContent = "Remove";
      } else {
        state.removeCriteria.push(Number(criterion));
        li.classList.add("removed");
        button.textContent = "Restore";
      }
      send();
    } else if (button.classList.contains("add-duty")) {
      var id = li.getAttribute("data-catalogue-id");
      if (state.addDuties.indexOf(id) >= 0 || document.querySelector('#duties li[data-duty="' + CSS.escape(id) + '"]')) {
        status.textContent = "The role already has that duty.";
        return;
      }
      state.addDuties.push(id);
      var added = make("li", "added");
      added.setAttribute("data-duty", id);
      added.appendChild(make("span", "number", "new"));
      added.appendChild(document.createTextNode(" "));
      added.appendChild(make("span", "text", li.querySelector(".text").textContent));
      added.appendChild(document.createTextNode(" "));
      added.appendChild(make("span", "levels", li.querySelector(".levels").textContent));
      added.appendChild(document.createTextNode(" "));
      var removeButton = make("button", "remove-duty", "Remove");
      removeButton.type = "button";
      removeButton.setAttribute("aria-label", "Remove the added duty: " + li.querySelector(".text").textContent);
      added.appendChild(removeButton);
      document.getElementById("duties").appendChild(added);
      send();
    } else if (button.id === "add-criterion") {
      var input = document.getElementById("criterion-text");
      var text = input.value.trim();
      if (!text) { status.textContent = "Write the criterion first."; input.focus(); return; }
      var need = document.getElementById("criterion-need").value;
      state.addCriteria.push({ text: text, kind: need });
      var item = make("li", "added");
      item.setAttribute("data-criterion", "new-" + (state.addCriteria.length - 1));
      item.appendChild(make("span", "number", "new"));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(make("span", "text", text));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(make("span", "need", need));
      item.appendChild(document.createTextNode(" "));
      var removeCriterion = make("button", "remove-criterion", "Remove");
      removeCriterion.type = "button";
      removeCriterion.setAttribute("aria-label", "Remove the added criterion: " + text);
      item.appendChild(removeCriterion);
      document.getElementById("criteria").appendChild(item);
      input.value = "";
      send();
    }
  });

  function renumberAddedCriteria() {
    document.querySelectorAll("#criteria li.added").forEach(function (li, index) {
      li.setAttribute("data-criterion", "new-" + index);
    });
  }

  // The catalogue search.
  var search = document.getElementById("duty-search");
  var results = document.getElementById("duty-results");
  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var query = search.value.trim();
      if (!query) { results.textContent = ""; return; }
      fetch(catalogueURL + "?q=" + encodeURIComponent(query)).then(function (response) { return response.json(); }).then(function (duties) {
        results.textContent = "";
        if (!duties.length) { results.appendChild(make("li", null, "No catalogue duty holds all of those words.")); return; }
        duties.forEach(function (duty) {
          var li = make("li");
          li.setAttribute("data-catalogue-id", duty.id);
          li.appendChild(make("span", "text", duty.text));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(make("span", "domains", "(" + duty.area + "; domains: " + duty.domains.join(", ") + ")"));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(make("span", "levels", duty.evidence.join(", ")));
          li.appendChild(document.createTextNode(" "));
          var add = make("button", "add-duty", "Add");
          add.type = "button";
          add.setAttribute("aria-label", "Add the duty: " + duty.text);
          li.appendChild(add);
          results.appendChild(li);
        });
      });
    }, 200);
  });
})();
