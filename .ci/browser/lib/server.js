'use strict';
// A tiny static server for the built site (no dependency): serves SITE_DIR on
// 127.0.0.1 at a free port, maps /x/ to /x/index.html, and answers a missing
// path the way netlify.toml does: status 404 with /zh-hans/404.html under
// /zh-hans/, /zh-hant/404.html under /zh-hant/, /404.html elsewhere. It also
// sends the headers netlify.toml sets for each path (Content-Security-Policy,
// nosniff, and under /originals/ the type, download and sandbox of each
// format), so that the browser enforces them as Netlify's would.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

// The 404 rules of netlify.toml, most specific first.
const NOT_FOUND = [
  ['/zh-hans/', '/zh-hans/404.html'],
  ['/zh-hant/', '/zh-hant/404.html'],
  ['/', '/404.html'],
];

// headerRulesFromNetlifyToml reads every [[headers]] block of netlify.toml
// (flat `Key = "value"` lines only) as [{ for, values }]; [] when there is
// no file.
function headerRulesFromNetlifyToml(file) {
  let text;
  try { text = fs.readFileSync(file, 'utf8'); } catch { return []; }
  const rules = [];
  let cur = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      if (line === '[[headers]]') { cur = { for: null, values: {} }; rules.push(cur); } else if (line !== '[headers.values]') { cur = null; }
      continue;
    }
    const m = /^([A-Za-z][\w-]*)\s*=\s*"(.*)"\s*$/.exec(line);
    if (!cur || !m) continue;
    if (m[1] === 'for') cur.for = m[2];
    else cur.values[m[1]] = m[2].replace(/\\"/g, '"');
  }
  return rules.filter((r) => r.for);
}

// matches tells whether a Netlify path pattern (a trailing * splat, :name
// placeholders for one segment) matches pathname.
function matches(pattern, pathname) {
  const re = '^' + pattern.split('/').map((seg) => {
    if (seg === '*') return '.*';
    if (seg.startsWith(':')) return '[^/]+';
    return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/') + '$';
  return new RegExp(re).test(pathname);
}

// headersFor merges the values of every rule that matches pathname, in file
// order, as Netlify does; two Content-Security-Policy values are both sent
// (joined by a comma: the browser enforces each policy).
function headersFor(rules, pathname) {
  const out = {};
  for (const r of rules) {
    if (!matches(r.for, pathname)) continue;
    for (const [k, v] of Object.entries(r.values)) {
      out[k] = k === 'Content-Security-Policy' && out[k] ? `${out[k]}, ${v}` : v;
    }
  }
  return out;
}

// headersFromNetlifyToml: the values of the [[headers]] for = "/*" block.
function headersFromNetlifyToml(file) {
  return headersFor(headerRulesFromNetlifyToml(file).filter((r) => r.for === '/*'), '/');
}

function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}
function isDir(p) {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

// startServer serves root; resolves to {url, port, close(), log} where log
// lists every [status, path] answered (tests use it to spot missing assets).
function startServer(root, { netlifyToml } = {}) {
  root = path.resolve(root);
  const rules = netlifyToml ? headerRulesFromNetlifyToml(netlifyToml) : [];
  const log = [];
  const server = http.createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      log.push([status, req.url]);
      const body = file ? fs.readFileSync(file) : Buffer.from(String(status));
      const type = file ? (TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream') : 'text/plain; charset=utf-8';
      let pathname = '/';
      try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { /* answered 400 below */ }
      const extra = headersFor(rules, pathname);
      res.writeHead(status, { 'Content-Type': type, ...extra, 'Content-Length': body.length, 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null, { Allow: 'GET, HEAD' });
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return send(400, null); }
    const rel = path.posix.normalize(pathname);
    const abs = path.join(root, rel);
    if (abs !== root && !abs.startsWith(root + path.sep)) return send(403, null);
    if (rel.endsWith('/') && isFile(path.join(abs, 'index.html'))) return send(200, path.join(abs, 'index.html'));
    if (!rel.endsWith('/') && isFile(abs)) return send(200, abs);
    if (!rel.endsWith('/') && isFile(path.join(abs, 'index.html')) && isDir(abs)) {
      const q = new URL(req.url, 'http://x').search;
      return send(301, null, { Location: rel + '/' + q });
    }
    for (const [prefix, page] of NOT_FOUND) {
      if (rel.startsWith(prefix) && isFile(path.join(root, page))) return send(404, path.join(root, page));
    }
    return send(404, null);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        log,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

module.exports = { startServer, headersFromNetlifyToml, headerRulesFromNetlifyToml, headersFor };

// `node lib/server.js [DIR]` serves a site by hand, to look at it.
if (require.main === module) {
  const dir = process.argv[2] || process.env.SITE_DIR || path.join(__dirname, '../../../public');
  startServer(dir, { netlifyToml: path.join(__dirname, '../../../netlify.toml') }).then((s) => console.log(`serving ${dir} at ${s.url}/`));
}
