/* Filters and sorting for the claims register (takenover.chapters.claim_table).
 *
 * The table arrives complete; this only hides and reorders rows. Each facet's values come from the
 * rows' own data attributes, so the script knows nothing about the data. The filters are native
 * selects and a search box, the sort controls are buttons in the column headers (aria-sort marks the
 * sorted column), and a status line says how many claims are shown. A followed link to a row that a
 * filter hides clears the filters, so the row is always there to see.
 */
(function () {
  "use strict";
  var SORTS = { 0: "order", 2: "text", 3: "grade" };  // column index -> how it sorts

  function setUp(controls) {
    var table = document.getElementById(controls.getAttribute("data-table"));
    if (!table || !table.tBodies.length || !table.tHead) { return; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var selects = Array.prototype.slice.call(controls.querySelectorAll("select[data-facet]"));
    var search = controls.querySelector("input[data-search]");
    var count = controls.querySelector(".tk-register-count");
    var sortedBy = "";

    rows.forEach(function (row, i) { row.setAttribute("data-index", String(i)); });
    selects.forEach(function (select) {
      var facet = select.getAttribute("data-facet");
      var seen = [];
      rows.forEach(function (row) {
        var value = row.getAttribute("data-" + facet);
        if (value && seen.indexOf(value) === -1) { seen.push(value); }
      });
      seen.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      });
      select.addEventListener("change", update);
    });
    if (search) { search.addEventListener("input", update); }

    function facets(row) {  // so a search may name a type or status, as the page suggests
      return selects.map(function (s) { return row.getAttribute("data-" + s.getAttribute("data-facet")); }).join(" ");
    }

    function matches(row, words) {
      var ok = selects.every(function (s) { return !s.value || row.getAttribute("data-" + s.getAttribute("data-facet")) === s.value; });
      if (ok && words.length) {
        var text = (row.textContent + " " + facets(row)).toLowerCase();
        ok = words.every(function (w) { return text.indexOf(w) !== -1; });
      }
      return ok;
    }

    function update() {
      var words = search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row, words);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " claims shown" + (sortedBy ? ", " + sortedBy : "");
    }

    function key(row, index, how) {
      if (how === "order") { return Number(row.getAttribute("data-index")); }
      var cell = row.cells[index];
      return how === "grade" ? Number(cell.getAttribute("data-order")) : cell.textContent.trim().toLowerCase();
    }

    function sort(index, button) {
      var head = table.tHead.rows[0].cells[index];
      var descending = head.getAttribute("aria-sort") === "ascending";
      var how = SORTS[index];
      var sign = descending ? -1 : 1;
      var order = rows.slice().sort(function (a, b) {
        var ka = key(a, index, how), kb = key(b, index, how);
        if (ka < kb) { return -sign; }
        if (ka > kb) { return sign; }
        return Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
      });
      order.forEach(function (row) { body.appendChild(row); });
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var name = button.textContent.trim();
      sortedBy = how === "order" ? "in the texts' order" + (descending ? ", reversed" : "")
        : "sorted by " + name + (how === "grade" ? (descending ? ", least likely first" : ", most likely first")
          : descending ? ", Z to A" : ", A to Z");
      update();
    }

    Object.keys(SORTS).forEach(function (i) {
      var index = Number(i);
      var th = table.tHead.rows[0].cells[index];
      if (!th) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tk-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sort(index, button); });
    });

    // A followed link to a row: show the row even if a filter hid it, and open its evidence.
    function reveal() {
      var id = decodeURIComponent(location.hash.slice(1));
      var row = id && document.getElementById(id);
      if (!row || row.parentNode !== body) { return; }
      var evidence = row.querySelector("details.tk-evidence");
      if (evidence) { evidence.open = true; }
      if (row.hidden) {
        selects.forEach(function (s) { s.value = ""; });
        if (search) { search.value = ""; }
        update();
        row.scrollIntoView();
      }
    }
    window.addEventListener("hashchange", reveal);
    update();
    reveal();
  }

  document.querySelectorAll(".tk-register-controls[data-table]").forEach(setUp);
})();
