// peerpath edit forms: the catalogue search narrows the list of duties as you type, and each
// evidence level select shows the chosen level's meaning beside it. Without this script the whole
// catalogue list shows and the meaning shown is the file's level.
(function () {
  "use strict";
  var search = document.getElementById("edit-duty-search");
  var results = document.getElementById("edit-duty-results");
  var count = document.getElementById("edit-duty-count");
  if (search && results) {
    var items = Array.prototype.slice.call(results.querySelectorAll("li[data-search]"));
    var filter = function () {
      var words = search.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
      var shown = 0;
      items.forEach(function (item) {
        var text = item.getAttribute("data-search");
        var checked = item.querySelector("input:checked") !== null;
        var match = checked || words.every(function (w) { return text.indexOf(w) >= 0; });
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      if (count) { count.textContent = words.length ? shown + " of " + items.length + " catalogue duties match" : ""; }
    };
    search.addEventListener("input", filter);
  }
  Array.prototype.forEach.call(document.querySelectorAll("select.level-select"), function (select) {
    var meaning = document.getElementById("meaning-" + select.id);
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      if (meaning) { meaning.textContent = option ? (option.getAttribute("data-meaning") || "") : ""; }
    });
  });
})();
