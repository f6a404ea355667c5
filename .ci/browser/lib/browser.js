'use strict';
// Debian's Chromium driven by playwright-core (no downloaded browser), and
// the static server, set up once per test file.
const fs = require('node:fs');
const { chromium } = require('playwright-core');
const { startServer } = require('./server');
const site = require('./site');

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync',
];

// setup starts the server and the browser; call the returned close() in after().
async function setup() {
  if (!fs.existsSync(EXECUTABLE)) throw new Error(`no Chromium at ${EXECUTABLE}: apt-get install -y chromium (run.sh does)`);
  const server = await startServer(site.SITE_DIR, { netlifyToml: site.NETLIFY_TOML });
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS, headless: true });
  return {
    server,
    browser,
    base: server.url,
    close: async () => { await browser.close(); await server.close(); },
  };
}

// watch records what went wrong while a page was open: console errors (CSP
// violations among them), uncaught exceptions, failed or 4xx/5xx
// subresource requests and any request to a host other than the test server.
function watch(page, base) {
  const problems = [];
  const origin = new URL(base).origin;
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url || '';
    // Failed loads are reported with their URL by the listeners below (the
    // page itself may be a 404 on purpose; Chromium's own /favicon.ico
    // request is not the site's doing).
    if (/^Failed to load resource/.test(m.text())) return;
    problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('request', (r) => {
    const u = r.url();
    if (/^https?:/.test(u) && new URL(u).origin !== origin) problems.push(`request to another host: ${u}`);
  });
  page.on('response', (r) => {
    // The page itself may be a 404 on purpose; its subresources may not.
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  return problems;
}

module.exports = { setup, watch, EXECUTABLE, ARGS };
