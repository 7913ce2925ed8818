(function () {
  "use strict";
  var lang = document.documentElement.lang || "fi";
  function key(cell) {
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }
  function compare(a, b, numeric) {
    if (numeric) {
      var x = parseFloat(a), y = parseFloat(b);
      x = isNaN(x) ? -Infinity : x;
      y = isNaN(y) ? -Infinity : y;
      return x === y ? 0 : (x < y ? -1 : 1);
    }
    return a.localeCompare(b, lang, {sensitivity: "base", numeric: true});
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
    heads.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var direction = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          return direction * compare(key(a.cells[column]), key(b.cells[column]), numeric);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
