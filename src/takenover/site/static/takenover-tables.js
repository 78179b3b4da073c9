/* Search box for the book's long tables: hides rows that do not contain every typed word. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input.tk-search-input").forEach(function (input) {
    var table = document.getElementById(input.dataset.target);
    var count = document.getElementById(input.dataset.target + "-count");
    if (!table || !table.tBodies.length) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var noun = input.dataset.noun || "rows";
    function update() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      if (count) { count.textContent = shown + " of " + rows.length + " " + noun + " shown"; }
    }
    input.addEventListener("input", update);
    update();
  });
});
