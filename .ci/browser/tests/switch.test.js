'use strict';
// The script switcher (a[data-twin] in the header) lands on the twin page in
// the other script at the same anchor (and query), both ways.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { setup, watch } = require('../lib/browser');
const site = require('../lib/site');

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function switchFrom(from, anchor) {
  const page = await env.browser.newPage();
  const problems = watch(page, env.base);
  try {
    await page.goto(env.base + from + (anchor ? '#' + anchor : ''));
    const link = page.locator('header a[data-twin]');
    assert.equal(await link.count(), 1, `${from}: expected exactly one a[data-twin] in the header, found ${await link.count()}`);
    // a page with a query (the search page) keeps it on its twin
    const [to, query = ''] = site.twin(from).split('?');
    await Promise.all([page.waitForURL((u) => u.pathname === to), link.click()]);
    const url = new URL(page.url());
    assert.equal(url.pathname, to, `switching from ${from} landed on ${url.pathname}, not the twin ${to}`);
    assert.equal(url.search, query && '?' + query, `switching from ${from} lost or changed the query (now '${url.search}')`);
    assert.equal(url.hash, anchor ? '#' + anchor : '', `switching from ${from}#${anchor || ''} lost or changed the anchor (now '${url.hash}')`);
    const lang = await page.evaluate(() => document.documentElement.lang);
    assert.equal(lang, site.LANG[to.split('/')[1]], `twin ${to} has lang=${lang}`);
    if (anchor) {
      const target = await page.evaluate((id) => {
        const el = document.getElementById(id);
        const t = document.querySelector(':target');
        const r = el && el.getBoundingClientRect();
        return { exists: !!el, targetId: t && t.id, inView: !!r && r.top < innerHeight && r.bottom > 0 };
      }, anchor);
      assert.ok(target.exists, `twin ${to} has no element with id ${anchor}`);
      assert.equal(target.targetId, anchor, `on ${to}#${anchor} the :target is ${target.targetId}, not #${anchor}`);
      assert.ok(target.inView, `on ${to}#${anchor} the paragraph is not scrolled into view`);
    }
    assert.deepEqual(problems, [], `problems on ${from} → ${to}`);
  } finally {
    await page.close();
  }
}

const r = site.switchReport;
const noReport = r ? false : 'no report page with a #p5 in both scripts in the built site';

test('switching a report page from zh-hans to zh-hant keeps the anchor #p5', { skip: noReport }, () => switchFrom(r, 'p5'));
test('switching a report page from zh-hant to zh-hans keeps the anchor #p5', { skip: noReport }, () => switchFrom(site.twin(r), 'p5'));

// Every kind of page switches to its twin (no anchor).
for (const [kind, url] of Object.entries(site.kinds)) {
  for (const script of site.SCRIPTS) {
    const from = url && (script === 'zh-hans' ? url : site.twin(url));
    const name = `switching the ${kind} page from ${script} lands on its twin${from ? ` (${from})` : ''}`;
    test(name, { skip: url ? false : site.missing[kind] }, () => switchFrom(from, null));
  }
}
