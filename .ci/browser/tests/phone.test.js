'use strict';
// Reading on a phone (issue 17): at 360 px no page of any kind scrolls
// sideways and chart text is at least 12 px as drawn; search finds a city's
// place page from its short name in either script, takes several words as
// AND, pages its results, and keeps the query across the script switch.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { setup, watch } = require('../lib/browser');
const site = require('../lib/site');

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function phone() {
  return env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
}

// ---- layout at 360 px ----------------------------------------------------------

for (const [kind, url] of Object.entries(site.kinds)) {
  for (const script of site.SCRIPTS) {
    const u = url && (script === 'zh-hans' ? url : site.twin(url));
    test(`at 360 px the ${kind} page does not scroll sideways and its chart text is ≥ 12 px (${u})`, { skip: url ? false : site.missing[kind] }, async () => {
      const context = await phone();
      const page = await context.newPage();
      try {
        await page.goto(env.base + u, { waitUntil: 'load' });
        const m = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: document.documentElement.clientWidth,
          // each chart text's size on screen: its font size times the
          // SVG's scale (the viewBox is drawn to the width it gets)
          sizes: [...document.querySelectorAll('svg text')].map((t) => ({
            text: t.textContent,
            px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
          })),
        }));
        assert.ok(m.scroll <= m.width, `${u} is ${m.scroll} px wide at ${m.width} px`);
        const small = m.sizes.filter((s) => s.px < 12);
        assert.deepEqual(small.map((s) => `${s.text}: ${s.px.toFixed(1)} px`), [], `chart text under 12 px on ${u}`);
      } finally {
        await context.close();
      }
    });
  }
}

test('the indicator with the most figures has a chart to measure', { skip: site.kinds.indicator ? false : site.missing.indicator }, () => {
  assert.match(site.read(site.kinds.indicator), /<svg[^>]*class="?chart/, `${site.kinds.indicator} has no chart`);
});

// ---- search ------------------------------------------------------------------

const JINAN = '/places/shandong/jinan/';
const hasSearch = site.exists('/zh-hans/search/') && site.exists(`/zh-hans${JINAN}`);
const skipSearch = hasSearch ? false : 'no search page or no 济南市 place page in the built site';

// results runs a search by its URL and returns the result links, the status
// line and the page links.
async function results(page, script, query, p) {
  const q = `?q=${encodeURIComponent(query)}${p ? `&p=${p}` : ''}`;
  await page.goto(`${env.base}/${script}/search/${q}`, { waitUntil: 'load' });
  await page.locator('#search-status').filter({ hasText: /\S/ }).waitFor({ timeout: 10000 });
  return page.evaluate(() => ({
    links: [...document.querySelectorAll('#search-results > li > a')].map((a) => ({ path: new URL(a.href).pathname + new URL(a.href).hash, text: a.closest('li').textContent })),
    start: document.getElementById('search-results').start,
    status: document.getElementById('search-status').textContent,
    pages: [...document.querySelectorAll('#search-pages a')].map((a) => ({ n: a.textContent, href: a.getAttribute('href'), current: a.getAttribute('aria-current') })),
    marks: document.querySelectorAll('#search-results mark').length,
  }));
}

for (const script of site.SCRIPTS) {
  for (const query of ['济南', '濟南']) {
    test(`search on /${script}/search/ for ${query} finds 济南市's place page first`, { skip: skipSearch }, async () => {
      const page = await env.browser.newPage();
      const problems = watch(page, env.base);
      try {
        const r = await results(page, script, query);
        assert.ok(r.links.length > 0, `no result for ${query}`);
        assert.equal(r.links[0].path, `/${script}${JINAN}`, `first result for ${query}: ${r.links[0].path}`);
        assert.ok(r.marks > 0, 'the match is not marked in the results');
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }
}

test('search takes several words as AND', { skip: skipSearch }, async () => {
  const page = await env.browser.newPage();
  try {
    const both = await results(page, 'zh-hans', '聊城 普惠');
    const one = await results(page, 'zh-hans', '聊城');
    const other = await results(page, 'zh-hans', '普惠');
    const count = (r) => Number((/\d+/.exec(r.status) || ['0'])[0]);
    assert.ok(count(both) > 0, `"聊城 普惠" found nothing: ${both.status}`);
    assert.ok(count(both) < count(one) && count(both) < count(other), `"聊城 普惠" (${count(both)}) is not narrower than 聊城 (${count(one)}) and 普惠 (${count(other)})`);
    // every hit holds both words: in the result, or in the paragraph it links
    for (const l of both.links) {
      const [path, id] = l.path.split('#');
      const html = site.read(path);
      const para = id ? (new RegExp(`id="?${id}"?[^>]*>([\\s\\S]*?)</p>`).exec(html) || [])[1] || '' : html;
      const text = l.text + para.replace(/<[^>]+>/g, '');
      assert.ok(/聊城/.test(text) && /普惠/.test(text), `result ${l.path} lacks one of the words`);
    }
  } finally {
    await page.close();
  }
});

test('search results come 20 to a page, with links to the others', { skip: skipSearch }, async () => {
  const page = await env.browser.newPage();
  try {
    const first = await results(page, 'zh-hans', '济南');
    const total = Number((/\d+/.exec(first.status) || ['0'])[0]);
    assert.ok(total > 20, `济南 has only ${total} results; paging needs more than 20`);
    assert.equal(first.links.length, 20);
    const two = first.pages.find((p) => p.n === '2');
    assert.ok(two, `no link to page 2: ${JSON.stringify(first.pages)}`);
    await page.click('#search-pages a:text-is("2")');
    await page.waitForURL(/[?&]p=2/);
    await page.locator('#search-results > li').first().waitFor();
    const second = await page.evaluate(() => ({
      start: document.getElementById('search-results').start,
      links: [...document.querySelectorAll('#search-results > li > a')].map((a) => a.getAttribute('href')),
      current: document.querySelector('#search-pages a[aria-current]')?.textContent,
    }));
    assert.equal(second.start, 21);
    assert.equal(second.current, '2');
    assert.equal(second.links.length, Math.min(20, total - 20));
    assert.deepEqual(second.links.filter((h) => first.links.some((l) => l.path === h)), [], 'page 2 repeats results of page 1');
  } finally {
    await page.close();
  }
});

test('the query is kept across the script switch', { skip: skipSearch }, async () => {
  const page = await env.browser.newPage();
  try {
    await results(page, 'zh-hans', '济南');
    await page.click('a[data-twin]');
    await page.waitForURL(/\/zh-hant\/search\//);
    await page.locator('#search-results > li').first().waitFor({ timeout: 10000 });
    const after = await page.evaluate(() => ({ q: document.getElementById('q').value, url: location.search, first: new URL(document.querySelector('#search-results > li > a').href).pathname }));
    assert.equal(after.q, '济南');
    assert.equal(after.first, `/zh-hant${JINAN}`);
  } finally {
    await page.close();
  }
});

test('every page but the search page has a search box in the header that leads to the search page', { skip: skipSearch }, async () => {
  const page = await env.browser.newPage();
  try {
    await page.goto(`${env.base}/zh-hant/`, { waitUntil: 'load' });
    await page.fill('header form[role=search] input[name=q]', '濟南');
    await page.press('header form[role=search] input[name=q]', 'Enter');
    await page.waitForURL(/\/zh-hant\/search\/\?q=/);
    await page.locator('#search-results > li').first().waitFor({ timeout: 10000 });
    assert.equal(new URL(await page.locator('#search-results > li > a').first().evaluate((a) => a.href)).pathname, `/zh-hant${JINAN}`);
  } finally {
    await page.close();
  }
});
