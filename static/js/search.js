// Site search over our own small index. Both the query and the text are
// folded to Simplified characters, so a query in either script finds text
// in either; results link to the paragraph or figure.
(function () {
  var form = document.querySelector("form.search"), input = document.getElementById("q");
  var list = document.getElementById("search-results"), status = document.getElementById("search-status");
  var data = null, fold = {};
  function load() {
    if (data) return Promise.resolve();
    return Promise.all([fetch(list.dataset.index).then(function (r) { return r.json(); }),
      fetch(list.dataset.fold).then(function (r) { return r.json(); })]).then(function (v) {
      data = v[0];
      var from = Array.from(v[1].from), to = Array.from(v[1].to);
      from.forEach(function (c, i) { fold[c] = to[i]; });
    });
  }
  function f(s) { return Array.from(s.toLowerCase()).map(function (c) { return fold[c] || c; }).join(""); }
  function search(q) {
    var want = f(q.trim()), hits = [];
    if (!want) return;
    data.forEach(function (e) { var i = f(e.t + " " + e.x).indexOf(want); if (i >= 0) hits.push(e); });
    list.textContent = "";
    hits.slice(0, 50).forEach(function (e) {
      var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
      a.href = e.u; a.textContent = e.t; p.textContent = e.x.length > 140 ? e.x.slice(0, 140) + "…" : e.x;
      li.appendChild(a); li.appendChild(p); list.appendChild(li);
    });
    status.textContent = hits.length ? hits.length + " " + status.dataset.count : status.dataset.none;
  }
  function run(e) {
    if (e) e.preventDefault();
    var q = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    load().then(function () { search(q); });
  }
  form.addEventListener("submit", run);
  var q0 = new URLSearchParams(location.search).get("q");
  if (q0) { input.value = q0; run(); }
})();
