// Small enhancements; every page works without them.
(function () {
  // Keep the reader's place when switching scripts: twin pages share their
  // anchors (#p12) and the search page its query (?q=), so carry them over
  // to the twin's link.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-twin]");
    if (a) { a.href = a.href.split(/[?#]/)[0] + location.search + location.hash; }
  });

  // A link to an anchor inside a folded section (a figure's citation)
  // unfolds it; browsers without auto-expanding <details> need this.
  function unfold() {
    var t = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var opened = false;
    for (var p = t && t.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS" && !p.open) { p.open = true; opened = true; }
    }
    if (opened) t.scrollIntoView();
  }
  window.addEventListener("hashchange", unfold);
  if (location.hash) unfold();

  // Citations: the access date is the day the reader opened the page.
  var d = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var today = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  document.querySelectorAll("time.access").forEach(function (t) { t.textContent = today; t.setAttribute("datetime", today); });

  // Sortable tables: each column header becomes a button; numbers sort by
  // their data-sort value, text by the reader's locale.
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var heads = table.tHead.rows[0].cells, body = table.tBodies[0];
    Array.prototype.forEach.call(heads, function (th, col) {
      var b = document.createElement("button");
      b.type = "button"; b.className = "sort"; b.textContent = th.textContent;
      th.textContent = ""; th.appendChild(b);
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var key = function (row) { var c = row.cells[col]; return c.getAttribute("data-sort") || c.textContent.trim(); };
        var rows = Array.prototype.slice.call(body.rows).sort(function (x, y) {
          var a = key(x), b = key(y), na = parseFloat(a), nb = parseFloat(b);
          var d = (!isNaN(na) && !isNaN(nb) && String(na) === a && String(nb) === b) ? na - nb : a.localeCompare(b, document.documentElement.lang);
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  // Copy buttons copy the text of the element they name.
  if (navigator.clipboard) {
    document.querySelectorAll("button[data-copy]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        var el = document.getElementById(b.getAttribute("data-copy"));
        navigator.clipboard.writeText(el.textContent.trim()).then(function () {
          var label = b.textContent;
          b.textContent = b.getAttribute("data-done") || "✓";
          setTimeout(function () { b.textContent = label; }, 1500);
        });
      });
    });
  }
})();
