// Small enhancements; every page works without them.
(function () {
  // Keep the reader's place when switching scripts: twin pages share their
  // anchors (#p12), so carry the current one over to the twin's link.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-twin]");
    if (a && location.hash) { a.href = a.href.split("#")[0] + location.hash; }
  });

  // Citations: the access date is the day the reader opened the page.
  var d = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var today = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  document.querySelectorAll("time.access").forEach(function (t) { t.textContent = today; t.setAttribute("datetime", today); });

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
