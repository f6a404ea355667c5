'use strict';
// axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on the home, a report,
// a place-year, an indicator, a place, the data, search (with results) and
// corrections pages (and every section index), in both
// scripts, in light and dark colour schemes.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { setup } = require('../lib/browser');
const site = require('../lib/site');

const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

function describe(violations) {
  return violations.map((v) => [
    `  [${v.impact}] ${v.id}: ${v.help}`,
    `    ${v.helpUrl}`,
    ...v.nodes.slice(0, 8).map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary || '').split('\n').slice(1).join(' ').trim().slice(0, 300)}`),
    ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
  ].join('\n')).join('\n');
}

async function audit(url, colorScheme) {
  // The site's CSP (script-src 'self') would refuse the injected axe script.
  const context = await env.browser.newContext({ bypassCSP: true, colorScheme });
  const page = await context.newPage();
  try {
    const res = await page.goto(env.base + url, { waitUntil: 'load' });
    assert.ok(res.ok() || url.endsWith('404.html'), `${url} answered ${res.status()}`);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate((tags) => window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    }), TAGS);
    const v = result.violations;
    assert.equal(v.length, 0, `axe found ${v.length} violation(s) on ${url} (${colorScheme}):\n${describe(v)}`);
  } finally {
    await context.close();
  }
}

for (const [kind, url] of Object.entries(site.kinds)) {
  for (const script of site.SCRIPTS) {
    for (const scheme of ['light', 'dark']) {
      const u = url && (script === 'zh-hans' ? url : site.twin(url));
      test(`axe: the ${kind} page in ${script}, ${scheme}${u ? ` (${u})` : ''}`, { skip: url ? false : site.missing[kind] }, () => audit(u, scheme));
    }
  }
}

// Every other top-level page (section indexes, about, data …) and the 404 page.
const others = [...site.dirsWithIndex('/zh-hans/'), '/zh-hans/404.html']
  .filter((u) => site.exists(u) && !Object.values(site.kinds).some((k) => k && k.split('?')[0] === u));
for (const url of others) {
  for (const script of site.SCRIPTS) {
    for (const scheme of ['light', 'dark']) {
      const u = script === 'zh-hans' ? url : site.twin(url);
      test(`axe: ${u}, ${scheme}`, () => audit(u, scheme));
    }
  }
}
