// Site search over our own small index (generator/publish/search.go).
// Query and text are folded to Simplified characters, lower case and
// digits without thousands separators, so 濟南 finds 济南 and 128,557 finds
// 128557. Every word of the query must match (AND). A number with 万 or
// 亿 also matches a figure whose value it rounds or truncates (12.8万 finds
// 128557). Places, indicators and reports come before figures and
// paragraphs; results come 20 to a page (?q=…&p=2), the words marked.
(function () {
  var input = document.getElementById("q"), list = document.getElementById("search-results");
  var status = document.getElementById("search-status"), pages = document.getElementById("search-pages");
  var data, fold = {}, PER = 20, RANK = { p: 0, i: 1, r: 2, f: 3 };
  function load() {
    return data ? Promise.resolve() : Promise.all([list.dataset.index, list.dataset.fold].map(function (u) {
      return fetch(u).then(function (r) { return r.json(); });
    })).then(function (v) {
      data = v[0] || [];
      var to = Array.from(v[1].to);
      Array.from(v[1].from).forEach(function (c, i) { fold[c] = to[i]; });
    });
  }
  // f folds s; when at is given, at[i] is the position in s (in characters)
  // of the i-th code unit of the result.
  function f(s, at) {
    var a = Array.from(s), out = "";
    a.forEach(function (c, i) {
      if (/[,，]/.test(c) && /\d/.test(a[i - 1]) && /\d/.test(a[i + 1])) return;
      c = fold[c] || c.toLowerCase();
      for (var k = 0; at && k < c.length; k++) at.push(i);
      out += c;
    });
    return out;
  }
  // range: the values a number as written may stand for, or null.
  function range(t) {
    var m = /^(\d+(?:\.(\d+))?)(万|亿)$/.exec(t);
    if (!m) return null;
    var u = m[3] === "万" ? 1e4 : 1e8, step = Math.pow(10, -(m[2] || "").length) * u, v = parseFloat(m[1]) * u;
    return [v - step / 2, v + step];
  }
  function matches(e, t, r) { return e.s.indexOf(t) >= 0 || r && e.n >= r[0] && e.n < r[1]; }
  // show appends text to el, cut to about n characters around the first
  // match, with every match of the words in <mark>.
  function show(el, text, words, n) {
    var at = [], s = f(text, at), a = Array.from(text), on = a.map(function () { return false; }), first = a.length;
    words.forEach(function (w) {
      for (var i = s.indexOf(w); w && i >= 0; i = s.indexOf(w, i + 1)) {
        for (var k = at[i]; k <= at[i + w.length - 1]; k++) on[k] = true;
        first = Math.min(first, at[i]);
      }
    });
    var from = a.length > n && first < a.length ? Math.max(0, first - 30) : 0, to = Math.min(a.length, from + n);
    if (from > 0) el.append("…");
    for (var i = from; i < to;) {
      var j = i;
      while (j < to && on[j] === on[i]) j++;
      var part = a.slice(i, j).join("");
      if (on[i]) { var m = document.createElement("mark"); m.textContent = part; el.append(m); } else el.append(part);
      i = j;
    }
    if (to < a.length) el.append("…");
  }
  function search(q, page) {
    var words = f(q).split(/\s+/).filter(Boolean), ranges = words.map(range), hits = [];
    if (!words.length) return;
    data.forEach(function (e) {
      if (!e.s) e.s = f(e.t + " " + e.x);
      if (words.every(function (w, j) { return matches(e, w, ranges[j]); })) hits.push(e);
    });
    var key = function (e) { return (e.k in RANK ? RANK[e.k] : 4) * 2 + (f(e.t).indexOf(words[0]) === 0 ? 0 : 1); };
    hits.sort(function (a, b) { return key(a) - key(b); });
    var last = Math.max(1, Math.ceil(hits.length / PER));
    page = Math.min(Math.max(1, page), last);
    list.textContent = pages.textContent = "";
    list.start = (page - 1) * PER + 1;
    hits.slice((page - 1) * PER, page * PER).forEach(function (e) {
      var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
      a.href = e.u;
      show(a, e.t, words, 200);
      if (e.k) { var tag = document.createElement("span"); tag.className = "tag"; tag.textContent = list.dataset["k" + e.k]; li.append(tag, " "); }
      show(p, e.x, words, 140);
      li.append(a, p);
      list.append(li);
    });
    status.textContent = hits.length ? status.dataset.count.replace("%d", hits.length).replace("%d", page).replace("%d", last) : status.dataset.none;
    for (var k = Math.max(1, page - 4); last > 1 && k <= Math.min(last, page + 5); k++) {
      var l = document.createElement("a");
      l.href = "?q=" + encodeURIComponent(q) + "&p=" + k;
      l.textContent = k;
      if (k === page) l.setAttribute("aria-current", "page");
      pages.append(l, " ");
    }
  }
  var params = new URLSearchParams(location.search), q0 = params.get("q");
  if (q0) {
    input.value = q0;
    load().then(function () { search(q0, parseInt(params.get("p"), 10) || 1); });
  }
})();
