'use strict';
// A missing path answers 404 with the 404 page of its script (as netlify.toml
// routes it), and that page renders fully even deep in the tree.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { setup, watch } = require('../lib/browser');
const site = require('../lib/site');

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const cases = [
  { path: '/zh-hans/no-such-page/', lang: 'zh-Hans', page: '/zh-hans/404.html' },
  { path: '/zh-hant/no-such-page/', lang: 'zh-Hant', page: '/zh-hant/404.html' },
  // Deep paths: the 404 page must not rely on relative links to its assets.
  { path: '/zh-hans/sources/no-such-report/deeper/', lang: 'zh-Hans', page: '/zh-hans/404.html' },
  { path: '/zh-hant/places/nowhere/1999/', lang: 'zh-Hant', page: '/zh-hant/404.html' },
  { path: '/no-such-page.html', lang: null, page: '/404.html' },
];

for (const c of cases) {
  // No skip: a 404 page per script is part of the site (netlify.toml uses them).
  test(`a missing path ${c.path} answers 404 with ${c.page}`, async () => {
    assert.ok(site.exists(c.page), `the built site has no ${c.page}`);
    const page = await env.browser.newPage();
    const problems = watch(page, env.base);
    try {
      const res = await page.goto(env.base + c.path);
      assert.equal(res.status(), 404, `${c.path} answered ${res.status()}, not 404`);
      const h1 = page.locator('h1');
      assert.equal(await h1.count(), 1, `the 404 page for ${c.path} has ${await h1.count()} h1 elements, not 1`);
      assert.ok(await h1.isVisible(), `the h1 of the 404 page for ${c.path} is not visible`);
      const text = (await h1.innerText()).trim();
      assert.ok(text.length > 0, `the h1 of the 404 page for ${c.path} is empty`);
      const expected = /<h1[^>]*>(.*?)<\/h1>/s.exec(site.read(c.page));
      assert.ok(expected, `${c.page} has no <h1>`);
      assert.equal(text, expected[1].replace(/<[^>]+>/g, '').trim(), `${c.path} did not show the h1 of ${c.page}`);
      const lang = await page.evaluate(() => document.documentElement.lang);
      if (c.lang) assert.equal(lang, c.lang, `the 404 page for ${c.path} has lang=${lang}`);
      else assert.ok(lang, 'the root 404 page has no lang');
      // Its stylesheet applied (a relative href would 404 at depth).
      const styled = await page.evaluate(() => [...document.styleSheets].some((s) => { try { return s.cssRules.length > 0; } catch { return false; } }));
      // (The bilingual root 404 page is plain HTML on purpose.)
      if (c.lang) assert.ok(styled, `the 404 page for ${c.path} rendered without its stylesheet`);
      // Its links resolve: every same-site link on it points at a page that exists.
      const links = await page.evaluate(() => [...document.querySelectorAll('a[href]:not([href^="#"])')].map((a) => a.href));
      for (const href of links) {
        const u = new URL(href);
        if (u.origin !== new URL(env.base).origin) continue;
        const p = u.pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(u.pathname) ? u.pathname : u.pathname + '/';
        assert.ok(site.exists(p), `the 404 page for ${c.path} links to ${u.pathname}, which does not exist`);
      }
      assert.deepEqual(problems, [], `problems on the 404 page for ${c.path}`);
    } finally {
      await page.close();
    }
  });
}
