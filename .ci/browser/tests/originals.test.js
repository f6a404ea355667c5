'use strict';
// A report's original is served so that it cannot run script on the site's
// domain (issue 18, item 2): only the formats the intake accepts are
// published under /originals/, each with its Content-Type; a saved web
// page, a Word file or a PDF is a download, and the whole path is
// sandboxed. The attack this reproduces: an original.html that loads an
// original.js beside it executed under script-src 'self'.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startServer } = require('../lib/server');
const { EXECUTABLE, ARGS } = require('../lib/browser');
const site = require('../lib/site');

// The formats hugo.toml publishes: "**/original.txt" … (a Go test keeps
// this list equal to generator/source's and to netlify.toml's rules).
const HUGO_TOML = path.resolve(site.NETLIFY_TOML, '..', 'hugo.toml');
const mounted = (() => {
  const m = /target = "static\/originals"\s*\nfiles = \[([^\]]*)\]/.exec(fs.readFileSync(HUGO_TOML, 'utf8'));
  return m ? [...m[1].matchAll(/"\*\*\/original(\.[a-z]+)"/g)].map((x) => x[1]) : [];
})();
const DOWNLOAD = new Set(['.html', '.htm', '.docx', '.pdf']);

let hostile; // a site holding a hostile original, served with netlify.toml
let built; // the built site
let browser;
let dir;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'originals-'));
  const evil = path.join(dir, 'originals', 'evil');
  fs.mkdirSync(evil, { recursive: true });
  fs.writeFileSync(path.join(evil, 'original.js'), "document.title = 'PWNED ' + location.host;");
  fs.writeFileSync(path.join(evil, 'original.html'), "<!doctype html><title>报告</title><script src=\"original.js\"></script><script>document.title='PWNED inline'</script><p>教育</p>");
  fs.writeFileSync(path.join(evil, 'original.txt'), "<script>document.title='PWNED'</script>教育报告\n");
  hostile = await startServer(dir, { netlifyToml: site.NETLIFY_TOML });
  built = await startServer(site.SITE_DIR, { netlifyToml: site.NETLIFY_TOML });
  browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS, headless: true });
});
after(async () => {
  await browser?.close();
  await hostile?.close();
  await built?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('hugo.toml publishes the intake\'s formats and no other', () => {
  assert.deepEqual(mounted, ['.txt', '.html', '.htm', '.docx', '.pdf']);
});

test('a saved web page among the originals is a download, sandboxed, and runs nothing', async () => {
  const url = `${hostile.url}/originals/evil/original.html`;
  const res = await fetch(url);
  assert.equal(res.headers.get('content-disposition'), 'attachment');
  assert.match(res.headers.get('content-security-policy') || '', /(^|, )sandbox/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const page = await browser.newPage();
  try {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10000 }),
      page.goto(url).catch(() => {}), // Chromium aborts the navigation: "Download is starting"
    ]);
    assert.equal(download.suggestedFilename(), 'original.html');
    await download.cancel();
    assert.doesNotMatch(await page.title(), /PWNED/, 'the original ran script');
    assert.ok(!page.url().endsWith('original.html'), `the page was opened: ${page.url()}`);
  } finally {
    await page.close();
  }
});

test('a text original shows as text: its markup stays inert', async () => {
  const url = `${hostile.url}/originals/evil/original.txt`;
  const res = await fetch(url);
  assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
  const page = await browser.newPage();
  try {
    await page.goto(url);
    assert.doesNotMatch(await page.title(), /PWNED/);
    assert.match(await page.locator('body').innerText(), /<script>/, 'the markup is not shown as text');
  } finally {
    await page.close();
  }
});

test('every original of the built site has an accepted format and is served with its type', async () => {
  const root = path.join(site.SITE_DIR, 'originals');
  const files = fs.readdirSync(root).flatMap((id) => fs.readdirSync(path.join(root, id)).map((f) => `/originals/${id}/${f}`));
  assert.ok(files.length > 0, 'the built site has no originals');
  for (const f of files) {
    const ext = path.extname(f);
    assert.ok(mounted.includes(ext), `${f} is published, but the intake does not accept ${ext}`);
    const res = await fetch(built.url + f);
    assert.equal(res.status, 200, `${f} answered ${res.status}`);
    assert.match(res.headers.get('content-security-policy') || '', /(^|, )sandbox/, `${f} is not sandboxed`);
    assert.equal(res.headers.get('content-disposition') === 'attachment', DOWNLOAD.has(ext), `${f}: Content-Disposition ${res.headers.get('content-disposition')}`);
    if (ext === '.txt') assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
  }
});
