'use strict';
// What the built site holds: pages are discovered from SITE_DIR (the built
// public/) rather than hard-coded, so the tests follow the site as it grows.
const fs = require('node:fs');
const path = require('node:path');

const BROWSER_DIR = path.resolve(__dirname, '..');
const SITE_DIR = path.resolve(BROWSER_DIR, process.env.SITE_DIR || '../../public');
const NETLIFY_TOML = path.resolve(BROWSER_DIR, process.env.NETLIFY_TOML || '../../netlify.toml');
const OUT_DIR = path.resolve(BROWSER_DIR, process.env.OUT_DIR || '../out');
const SCRIPTS = ['zh-hans', 'zh-hant'];
const LANG = { 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant' };
const OTHER = { 'zh-hans': 'zh-hant', 'zh-hant': 'zh-hans' };

if (!fs.existsSync(path.join(SITE_DIR, 'zh-hans', 'index.html'))) {
  throw new Error(`SITE_DIR=${SITE_DIR} holds no built site (no zh-hans/index.html): run 'go run ./generator build' first`);
}

const exists = (url) => fs.existsSync(fileOf(url));

// fileOf maps a site path (/zh-hans/x/) to its file in SITE_DIR.
function fileOf(url) {
  const p = url.split('#')[0];
  return path.join(SITE_DIR, p.endsWith('/') ? p + 'index.html' : p);
}

function read(url) {
  return fs.readFileSync(fileOf(url), 'utf8');
}

// dirsWithIndex lists, sorted, the site paths under `under` (a site path)
// whose folder holds an index.html, down to `depth` levels.
function dirsWithIndex(under, depth = 1) {
  const out = [];
  const walk = (url, d) => {
    let entries;
    try { entries = fs.readdirSync(path.join(SITE_DIR, url), { withFileTypes: true }); } catch { return; }
    for (const e of entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      const u = `${url}${e}/`;
      if (fs.existsSync(path.join(SITE_DIR, u, 'index.html'))) out.push(u);
      if (d > 1) walk(u, d - 1);
    }
  };
  walk(under, depth);
  return out;
}

// twin gives the same path in the other script.
function twin(url) {
  const m = /^\/(zh-hans|zh-hant)\//.exec(url);
  if (!m) throw new Error(`not a script path: ${url}`);
  return `/${OTHER[m[1]]}/` + url.slice(m[0].length);
}

// Report pages: /zh-hans/sources/<id>/ with paragraph anchors.
const reports = dirsWithIndex('/zh-hans/sources/').filter((u) => /\bid="?p1\b/.test(read(u)));

// The report to switch scripts on: the first (the speech if present) with
// a #p5 in both scripts.
const preferred = '/zh-hans/sources/jinan-2018-bureau-chief-speech/';
const switchReport = [preferred, ...reports].find((u) => exists(u) && exists(twin(u)) && /\bid="?p5\b/.test(read(u)) && /\bid="?p5\b/.test(read(twin(u))));

// A place-year page: /zh-hans/places/**/<year>/.
const placeYears = dirsWithIndex('/zh-hans/places/', 6).filter((u) => /\/(19|20)\d\d\/$/.test(u));
// An indicator page: /zh-hans/indicators/<id>/.
const indicators = dirsWithIndex('/zh-hans/indicators/');
// A place page (all years): /zh-hans/places/<province>/<city>[/<county>]/.
const places = dirsWithIndex('/zh-hans/places/', 5).filter((u) => !/\/(19|20)\d\d(-\d+)?\/$/.test(u));
const page = (u) => (exists(u) ? u : null);

// largest picks the page with the most HTML (the one with the most to show
// and to check: figures, tables); null for none.
function largest(urls) {
  let best = null, size = -1;
  for (const u of urls) {
    const n = fs.statSync(fileOf(u)).size;
    if (n > size) { best = u; size = n; }
  }
  return best;
}

// The pages every per-kind test runs on, in zh-hans; null when the site has
// none yet (the test is then skipped with `missing[kind]` as its reason).
const kinds = {
  home: '/zh-hans/',
  report: reports.includes(preferred) ? preferred : reports[0] || null,
  'place-year': largest(placeYears),
  indicator: largest(indicators),
  place: largest(places.filter((u) => !/\/(anonymised|unlisted)\//.test(u))) || largest(places),
  data: page('/zh-hans/data/'),
  // the search page with a query, so that results are on it
  search: exists('/zh-hans/search/') ? '/zh-hans/search/?q=%E6%B5%8E%E5%8D%97' : null,
  corrections: page('/zh-hans/corrections/'),
};
const missing = {
  home: 'no /zh-hans/index.html',
  report: 'no report page (public/zh-hans/sources/<id>/index.html with #p1) in the built site',
  'place-year': 'no place-year page (public/zh-hans/places/**/20xx/index.html) in the built site yet',
  indicator: 'no indicator page (public/zh-hans/indicators/<id>/index.html) in the built site yet',
  place: 'no place page (public/zh-hans/places/<province>/<city>/index.html) in the built site yet',
  data: 'no /zh-hans/data/ page',
  search: 'no /zh-hans/search/ page',
  corrections: 'no /zh-hans/corrections/ page',
};

// pagesContaining lists the zh-hans HTML pages whose source matches re,
// smallest first (quicker to test).
function pagesContaining(re) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html') && e.name !== '404.html') {
        const text = fs.readFileSync(p, 'utf8');
        if (re.test(text)) out.push({ size: text.length, url: '/' + path.relative(SITE_DIR, p).split(path.sep).join('/').replace(/index\.html$/, '') });
      }
    }
  };
  walk(path.join(SITE_DIR, 'zh-hans'));
  return out.sort((a, b) => a.size - b.size || (a.url < b.url ? -1 : 1)).map((x) => x.url);
}

module.exports = {
  BROWSER_DIR, SITE_DIR, NETLIFY_TOML, OUT_DIR, SCRIPTS, LANG, OTHER,
  exists, read, fileOf, dirsWithIndex, twin, reports, switchReport, placeYears, indicators, kinds, missing, pagesContaining,
};
