'use strict';
// Features tested once the site has them, skipped (with the reason) before:
//   sortable tables  table[data-sortable] with a <thead>; a <button> in each
//                    header cell (added by JS); the sorted <th> gets aria-sort;
//                    a cell's data-sort (a plain number) is its sort key
//   copy buttons     button[data-copy="<id of the element whose text to copy>"];
//                    the machine formats' (data-format: BibTeX, RIS, CSL-JSON) are
//                    tested in cite.test.js
//   search           /zh-hans/search/ and /zh-hant/search/, input[type=search],
//                    results as links inside [data-search-results] (or
//                    Pagefind UI's a.pagefind-ui__result-link)
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { setup, watch } = require('../lib/browser');
const site = require('../lib/site');

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// ---- sortable tables --------------------------------------------------------

// The largest page with a sortable table (the most rows to sort).
const sortable = site.pagesContaining(/<table[^>]*\sdata-sortable\b/).reverse();

// Reads the table's columns: header cells of the last header row, the
// button in each, and each body row's cell values (data-sort when present,
// else the text).
function readTable(table) {
  const heads = [...table.querySelectorAll('thead tr:last-child th, thead tr:last-child td')];
  const rows = [...table.tBodies].flatMap((b) => [...b.rows]);
  const cell = (c) => (c ? (c.getAttribute('data-sort') || c.getAttribute('data-sort-value') || c.textContent).trim() : '');
  return {
    heads: heads.map((h) => ({ text: h.textContent.trim(), hasButton: !!h.querySelector('button'), ariaSort: h.getAttribute('aria-sort') })),
    columns: heads.map((_, i) => rows.map((r) => cell(r.cells[i]))),
    rowKeys: rows.map((r) => r.textContent.trim()),
  };
}

// order says whether vals (blanks and dashes ignored) are ascending or
// descending: numerically when they are all numbers (thousands separators,
// % and units ignored), else by the Chinese collator or by code points.
function order(vals, lang) {
  const xs = vals.filter((v) => v && !/^[-–—…]+$/.test(v));
  const num = (v) => Number(v.replace(/[,\s，]/g, '').replace(/^([-+]?\d*\.?\d+(?:e[-+]?\d+)?).*$/i, '$1'));
  const numeric = xs.every((v) => /^[-+]?[\d,，\s]*\.?\d/.test(v) && !Number.isNaN(num(v)));
  const plain = new Intl.Collator(lang), natural = new Intl.Collator(lang, { numeric: true });
  const cmps = numeric ? [(a, b) => num(a) - num(b)]
    : [(a, b) => plain.compare(a, b), (a, b) => natural.compare(a, b), (a, b) => (a < b ? -1 : a > b ? 1 : 0)];
  const monotonic = (cmp, sign) => xs.every((v, i) => i === 0 || sign * cmp(xs[i - 1], v) <= 0);
  const asc = cmps.some((c) => monotonic(c, 1));
  const desc = cmps.some((c) => monotonic(c, -1));
  return { asc, desc, distinct: new Set(xs).size };
}

for (const script of site.SCRIPTS) {
  const url = sortable[0] && (script === 'zh-hans' ? sortable[0] : site.twin(sortable[0]));
  const skip = sortable.length ? false : 'no table[data-sortable] in the built site yet';
  test(`a sortable table sorts by a header click (${script}${url ? ` ${url}` : ''})`, { skip }, async () => {
    const page = await env.browser.newPage();
    const problems = watch(page, env.base);
    try {
      await page.goto(env.base + url);
      const table = page.locator('table[data-sortable]').first();
      const lang = await page.evaluate(() => document.documentElement.lang);
      const before = await table.evaluate(readTable);
      assert.ok(before.heads.length > 0, 'the sortable table has no header row in <thead>');
      // The first column, or the first whose values are not all equal.
      let col = before.columns.findIndex((c) => order(c, lang).distinct > 1);
      assert.ok(col >= 0, `the sortable table on ${url} has no column with two distinct values to sort by`);
      if (order(before.columns[0], lang).distinct > 1) col = 0;
      assert.ok(before.heads[col].hasButton, `header "${before.heads[col].text}" of the sortable table has no <button> to click`);
      const button = table.locator('thead tr:last-child').locator('th, td').nth(col).locator('button');

      await button.click();
      const first = await table.evaluate(readTable);
      const o1 = order(first.columns[col], lang);
      assert.ok(o1.asc || o1.desc, `after one click on "${before.heads[col].text}", the column is not sorted:\n${first.columns[col].join(' | ')}`);
      assert.deepEqual([...first.rowKeys].sort(), [...before.rowKeys].sort(), 'sorting lost, duplicated or changed rows');
      const dir1 = o1.asc ? 'ascending' : 'descending';
      assert.ok(['ascending', 'descending'].includes(first.heads[col].ariaSort), `the sorted header has aria-sort=${first.heads[col].ariaSort}, not ascending/descending`);
      if (o1.asc !== o1.desc) assert.equal(first.heads[col].ariaSort, dir1, 'aria-sort does not match the order shown');

      await button.click();
      const second = await table.evaluate(readTable);
      const o2 = order(second.columns[col], lang);
      assert.notDeepEqual(second.columns[col], first.columns[col], 'a second click did not reverse the order');
      assert.ok(dir1 === 'ascending' ? o2.desc : o2.asc, `a second click did not sort the other way:\n${second.columns[col].join(' | ')}`);
      assert.notEqual(second.heads[col].ariaSort, first.heads[col].ariaSort, 'aria-sort did not change with the direction');
      const expect2 = o2.asc && !o2.desc ? 'ascending' : o2.desc && !o2.asc ? 'descending' : second.heads[col].ariaSort;
      assert.equal(second.heads[col].ariaSort, expect2, 'aria-sort does not match the order shown');
      assert.deepEqual(problems, [], `problems on ${url}`);
    } finally {
      await page.close();
    }
  });
}

// ---- copy buttons -----------------------------------------------------------

// unfold opens, as a reader would by tapping their summary (no JavaScript
// needed), the folded sections that hold copy buttons: a long report's
// figure citations are folded.
async function unfold(page) {
  const folded = page.locator('details:not([open]):has(button[data-copy]) > summary');
  for (let n = await folded.count(); n > 0; n = await folded.count()) await folded.first().click();
}

const copyPages = site.pagesContaining(/<button[^>]*\sdata-copy\b/);
const copyPage = copyPages.find((u) => u.includes('/sources/')) || copyPages[0];

for (const script of site.SCRIPTS) {
  const url = copyPage && (script === 'zh-hans' ? copyPage : site.twin(copyPage));
  const skip = copyPage ? false : 'no button[data-copy] in the built site yet';
  test(`a copy button copies its citation (${script}${url ? ` ${url}` : ''})`, { skip }, async () => {
    const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const problems = watch(page, env.base);
    try {
      await page.goto(env.base + url);
      await unfold(page);
      const buttons = page.locator('button[data-copy]:not([data-format])');
      const n = await buttons.count();
      assert.ok(n > 0, `no button[data-copy] on ${url}`);
      // Every copy button on the page, up to 5 (a report may have many).
      for (let i = 0; i < Math.min(n, 5); i++) {
        const b = buttons.nth(i);
        const id = await b.getAttribute('data-copy');
        await b.scrollIntoViewIfNeeded();
        assert.ok(await b.isVisible(), `copy button ${i} (data-copy=${id}) is not visible with JavaScript on`);
        const name = (await b.innerText()).trim() || (await b.getAttribute('aria-label')) || '';
        assert.ok(name, `copy button ${i} has no text or aria-label`);
        const expected = await page.evaluate((id) => {
          const el = document.getElementById(id);
          return el ? el.textContent.trim() : null;
        }, id);
        assert.ok(expected, `copy button ${i} names #${id}, which is missing or empty`);
        await page.evaluate(() => navigator.clipboard.writeText('(clipboard before the click)'));
        await b.click();
        await page.waitForFunction((e) => navigator.clipboard.readText().then((t) => t === e), expected, { timeout: 3000 }).catch(() => {});
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, expected, `copy button ${i} (#${id}) did not put the citation's text on the clipboard`);
        // The portal's own pages always have an address; the original
        // report is cited with one only when its meta.yaml knows it.
        if (!id.startsWith('cite-original')) {
          assert.match(copied, /https?:\/\/\S+/, `the citation copied by button ${i} (#${id}) has no URL`);
        }
      }
      assert.deepEqual(problems, [], `problems on ${url}`);
    } finally {
      await context.close();
    }
  });
}

test('citations are visible and selectable without JavaScript', { skip: copyPage ? false : 'no button[data-copy] in the built site yet' }, async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const url of [copyPage, site.twin(copyPage)]) {
      await page.goto(env.base + url);
      await unfold(page);
      const ids = await page.locator('button[data-copy]:not([data-format])').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-copy')));
      for (const id of ids.slice(0, 5)) {
        const el = page.locator(`[id="${id}"]`);
        assert.ok(await el.isVisible(), `${url}: the citation #${id} is not visible without JavaScript`);
        const userSelect = await el.evaluate((e) => getComputedStyle(e).userSelect);
        assert.notEqual(userSelect, 'none', `${url}: the citation #${id} cannot be selected (user-select: none)`);
      }
    }
  } finally {
    await context.close();
  }
});

// ---- search -----------------------------------------------------------------

// Terms whose two scripts differ; the first the built site holds is used.
const TERMS = [
  ['学前教育', '學前教育'], ['义务教育', '義務教育'], ['普惠性幼儿园', '普惠性幼兒園'], ['教育经费', '教育經費'],
  ['教师', '教師'], ['学校', '學校'], ['济南', '濟南'], ['聊城', '聊城'],
].filter(([s, t]) => s !== t);

function pickTerm() {
  for (const [s, t] of TERMS) {
    const hans = site.reports.find((u) => site.read(u).includes(s));
    const hant = site.reports.map(site.twin).find((u) => site.exists(u) && site.read(u).includes(t));
    if (hans && hant) return { hans: s, hant: t };
  }
  return null;
}

for (const script of site.SCRIPTS) {
  const url = `/${script}/search/`;
  const has = site.exists(url);
  const term = has ? pickTerm() : null;
  const skip = !has ? `no ${url} in the built site yet` : !term ? 'no search term found in both scripts of the reports' : false;
  // A query in the other script: Traditional on the Simplified page and back.
  const query = term && (script === 'zh-hans' ? term.hant : term.hans);
  const want = term && (script === 'zh-hans' ? term.hans : term.hant);
  test(`search on ${url} finds a page from a query in the other script${query ? ` (${query})` : ''}`, { skip }, async () => {
    const page = await env.browser.newPage();
    const problems = watch(page, env.base);
    try {
      await page.goto(env.base + url);
      const input = page.locator('input[type=search]').first();
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(query);
      await input.press('Enter').catch(() => {});
      const results = page.locator('[data-search-results] a[href], a.pagefind-ui__result-link');
      await results.first().waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
      const hrefs = await results.evaluateAll((as) => as.map((a) => a.href));
      assert.ok(hrefs.length > 0, `searching ${url} for ${query} gave no result link ([data-search-results] a[href] or a.pagefind-ui__result-link)`);
      const hits = hrefs.map((h) => new URL(h)).filter((u) => u.origin === new URL(env.base).origin && u.pathname.startsWith(`/${script}/`));
      assert.ok(hits.length > 0, `no result for ${query} links a page in ${script}: ${hrefs.slice(0, 5).join(', ')}`);
      const top = hits.slice(0, 5).map((u) => u.pathname);
      const missingPages = top.filter((p) => !site.exists(p));
      assert.deepEqual(missingPages, [], 'search results link pages that do not exist');
      assert.ok(top.some((p) => site.read(p).includes(want)), `none of the top results for ${query} (${top.join(', ')}) contains ${want}, the query in ${script}`);
      assert.deepEqual(problems, [], `problems on ${url}`);
    } finally {
      await page.close();
    }
  });
}
