'use strict';
// Full-page screenshots at 360 px and 1280 px of the home, a report, a
// place-year and an indicator page in both scripts (and dark mode at 360 px),
// saved to .ci/out/screenshots/ for a person to look at. Each shot also
// checks that the page does not scroll sideways at that width (tables and
// long lines must scroll inside their own box) and that nothing failed to
// load, with the site's Content-Security-Policy enforced.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { setup, watch } = require('../lib/browser');
const site = require('../lib/site');

const DIR = path.join(site.OUT_DIR, 'screenshots');
const SHOTS = [
  { width: 360, height: 740, scheme: 'light' },
  { width: 1280, height: 800, scheme: 'light' },
  { width: 360, height: 740, scheme: 'dark' },
];

let env;
before(async () => { env = await setup(); fs.mkdirSync(DIR, { recursive: true }); });
after(async () => { await env?.close(); });

for (const [kind, url] of Object.entries(site.kinds)) {
  for (const script of site.SCRIPTS) {
    for (const shot of SHOTS) {
      const u = url && (script === 'zh-hans' ? url : site.twin(url));
      const file = `${kind}-${script}-${shot.width}${shot.scheme === 'dark' ? '-dark' : ''}.png`;
      test(`screenshot ${file}${u ? ` (${u})` : ''}`, { skip: url ? false : site.missing[kind] }, async () => {
        const context = await env.browser.newContext({
          viewport: { width: shot.width, height: shot.height },
          deviceScaleFactor: 1,
          colorScheme: shot.scheme,
          isMobile: shot.width < 500,
          hasTouch: shot.width < 500,
        });
        const page = await context.newPage();
        const problems = watch(page, env.base);
        try {
          await page.goto(env.base + u, { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready);
          const out = path.join(DIR, file);
          await page.screenshot({ path: out, fullPage: true });
          assert.ok(fs.statSync(out).size > 0, `${out} is empty`);
          const overflow = await page.evaluate(() => {
            const w = document.documentElement.clientWidth;
            const scrolls = (e) => {
              for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
              }
              return false;
            };
            // Elements sticking out of the viewport, or whose content (a long
            // unbroken line) sticks out of them, not inside a scrolling box;
            // the innermost ones, to name the culprit.
            const out = [...document.querySelectorAll('body *')].filter((e) => {
              const r = e.getBoundingClientRect();
              const spills = r.width > 0 && r.right > w + 1;
              const content = getComputedStyle(e).overflowX === 'visible' && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0;
              return (spills || content) && !scrolls(e);
            });
            const wide = out.filter((e) => !out.some((o) => o !== e && e.contains(o)))
              .slice(0, 5)
              .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (${Math.round(e.getBoundingClientRect().width)} px box, ${e.scrollWidth} px content)`);
            return { scrollWidth: document.documentElement.scrollWidth, width: w, wide };
          });
          assert.ok(overflow.scrollWidth <= overflow.width,
            `${u} scrolls sideways at ${shot.width} px (page ${overflow.scrollWidth} px wide); too wide: ${overflow.wide.join(', ')}`);
          assert.deepEqual(problems, [], `problems on ${u}`);
        } finally {
          await context.close();
        }
      });
    }
  }
}
