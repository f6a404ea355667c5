// Keep the reader's place when switching scripts: twin pages share their
// anchors (#p12), so carry the current one over to the twin's link.
document.addEventListener("click", function (e) {
  var a = e.target.closest && e.target.closest("a[data-twin]");
  if (a && location.hash) { a.href = a.href.split("#")[0] + location.hash; }
});
