'use strict';
// Citing, checking, reusing (issue 16), in a real browser:
//   Zotero's fields   the citation_* meta tags that Zotero's Embedded
//                     Metadata translator and Google Scholar read, on a
//                     report page (against the report's meta.yaml) and a
//                     place-year page (the portal's own work), both scripts
//   copy as BibTeX    the machine formats open from their <details>, the
//                     BibTeX button copies the entry, whose fields are the
//                     page's, with today's access date
//   provenance        every report page in both scripts shows where its copy
//                     came from, and the file as received downloads with the
//                     size and SHA-256 the block states
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { setup, watch } = require('../lib/browser');
const site = require('../lib/site');

const REPO = path.resolve(site.BROWSER_DIR, '../..');
const PORTAL = { 'zh-hans': '教育履职公开', 'zh-hant': '教育履職公開' };

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// metaYAML reads the few flat fields of a report's meta.yaml the tags are
// checked against (strings, quoted or not, and flow lists of strings).
function metaYAML(id) {
  const text = fs.readFileSync(path.join(REPO, 'data', 'sources', id, 'meta.yaml'), 'utf8');
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const v = m[2].trim();
    if (v.startsWith('[')) out[m[1]] = JSON.parse(v);
    else out[m[1]] = v.startsWith('"') ? JSON.parse(v) : v;
  }
  return out;
}

async function citationTags(page) {
  return page.evaluate(() => {
    const tags = {};
    for (const m of document.querySelectorAll('meta[name^="citation_"]')) {
      (tags[m.name] = tags[m.name] || []).push(m.content);
    }
    return tags;
  });
}

// The report whose Zotero fields are checked: one with authors and a
// publisher when the site has one, else the first report.
const reportWithAuthors = site.reports.find((u) => {
  const m = metaYAML(u.split('/')[3]);
  return m.authors && m.authors.length && m.publisher;
}) || site.kinds.report;

for (const script of site.SCRIPTS) {
  const url = reportWithAuthors && (script === 'zh-hans' ? reportWithAuthors : site.twin(reportWithAuthors));
  test(`Zotero's citation_* fields on a report page (${script} ${url})`, { skip: url ? false : site.missing.report }, async () => {
    const page = await env.browser.newPage();
    const problems = watch(page, env.base);
    try {
      await page.goto(env.base + url);
      const tags = await citationTags(page);
      const meta = metaYAML(url.split('/')[3]);
      const one = (name) => {
        assert.equal((tags[name] || []).length, 1, `${url}: ${name} appears ${(tags[name] || []).length} times, want once`);
        return tags[name][0];
      };
      const h1 = (await page.locator('h1').first().innerText()).trim();
      assert.equal(one('citation_title'), h1, 'citation_title is not the page title');
      if (script === 'zh-hans') assert.equal(one('citation_title'), meta.title, 'citation_title is not the title in meta.yaml');
      assert.equal((tags.citation_author || []).length, (meta.authors || []).length, `citation_author ${tags.citation_author} vs meta.yaml authors ${meta.authors}`);
      if (script === 'zh-hans') assert.deepEqual(tags.citation_author || [], meta.authors || []);
      assert.ok(!(tags.citation_author || []).includes(meta.publisher), 'the publisher is listed as an author');
      if (meta.published) assert.equal(one('citation_publication_date'), meta.published.replaceAll('-', '/'), 'citation_publication_date is not the original\'s date');
      if (meta.publisher && script === 'zh-hans') assert.equal(one('citation_publisher'), meta.publisher);
      assert.match(one('citation_online_date'), /^\d{4}\/\d{2}\/\d{2}$/, 'citation_online_date is not YYYY/MM/DD');
      assert.equal(one('citation_language'), site.LANG[script]);
      const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
      assert.equal(one('citation_fulltext_html_url'), canonical, 'citation_fulltext_html_url is not the canonical address');
      assert.deepEqual(problems, [], `problems on ${url}`);
    } finally {
      await page.close();
    }
  });

  const py = site.kinds['place-year'] && (script === 'zh-hans' ? site.kinds['place-year'] : site.twin(site.kinds['place-year']));
  test(`Zotero's citation_* fields on a place-year page (${script} ${py})`, { skip: py ? false : site.missing['place-year'] }, async () => {
    const page = await env.browser.newPage();
    try {
      await page.goto(env.base + py);
      const tags = await citationTags(page);
      const h1 = (await page.locator('h1').first().innerText()).trim();
      assert.deepEqual(tags.citation_title, [h1], 'citation_title is not the page title');
      assert.deepEqual(tags.citation_author, [PORTAL[script]], 'a place-year page is the portal\'s work: the portal is its author');
      assert.deepEqual(tags.citation_publisher, [PORTAL[script]]);
      assert.equal(tags.citation_publication_date.length, 1);
      assert.deepEqual(tags.citation_publication_date, tags.citation_online_date, 'the portal\'s page is published when the site version was');
      // The date is the version's, the one the visible citation gives.
      const gbt = await page.locator('#cite-gbt').innerText();
      assert.ok(gbt.includes(`(${tags.citation_online_date[0].replaceAll('/', '-')})`), `the GB/T citation does not give the date ${tags.citation_online_date[0]}:\n${gbt}`);
      assert.ok(!/原载|原載/.test(gbt), 'a compiled page cites itself as 原载');
      assert.deepEqual(tags.citation_language, [site.LANG[script]]);
      assert.deepEqual(tags.citation_fulltext_html_url, [await page.locator('link[rel=canonical]').getAttribute('href')]);
    } finally {
      await page.close();
    }
  });

  const bibPage = site.kinds['place-year'] && (script === 'zh-hans' ? site.kinds['place-year'] : site.twin(site.kinds['place-year']));
  test(`copy as BibTeX copies the page's entry (${script} ${bibPage})`, { skip: bibPage ? false : site.missing['place-year'] }, async () => {
    const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const problems = watch(page, env.base);
    try {
      await page.goto(env.base + bibPage);
      await page.locator('details.machine summary').first().click();
      const button = page.locator('button[data-format="bibtex"]').first();
      assert.ok(await button.isVisible(), 'the copy-as-BibTeX button is not visible once the formats are open');
      await page.evaluate(() => navigator.clipboard.writeText('(clipboard before the click)'));
      await button.click();
      await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.startsWith('@')), null, { timeout: 3000 }).catch(() => {});
      const bib = await page.evaluate(() => navigator.clipboard.readText());
      const shown = (await page.locator('#cite-bibtex').textContent()).trim();
      assert.equal(bib, shown, 'the clipboard does not hold the BibTeX shown');
      const field = (name) => (new RegExp(`^\\s*${name} = \\{(.*)\\},?$`, 'm').exec(bib) || [])[1];
      assert.match(bib, /^@misc\{[^,\s]+,\n/, 'not a BibTeX @misc entry');
      assert.ok(bib.trimEnd().endsWith('}'), 'the entry is not closed');
      const h1 = (await page.locator('h1').first().innerText()).trim();
      assert.equal(field('title'), h1);
      assert.equal(field('author'), `{${PORTAL[script]}}`);
      assert.equal(field('url'), await page.locator('link[rel=canonical]').getAttribute('href'));
      const d = new Date(), pad = (n) => String(n).padStart(2, '0');
      assert.equal(field('urldate'), `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, 'urldate is not today');
      assert.match(field('year') || '', /^(\d{4})?$/);
      assert.equal(field('language'), site.LANG[script]);
      // CSL-JSON and RIS are there too, and CSL-JSON parses.
      const csl = JSON.parse(await page.locator('#cite-csl').textContent());
      assert.equal(csl[0].title, h1);
      assert.match(await page.locator('#cite-ris').textContent(), /^TY {2}- ELEC\n[\s\S]*\nER {2}- $/);
      assert.deepEqual(problems, [], `problems on ${bibPage}`);
    } finally {
      await context.close();
    }
  });
}

// Every report page, both scripts: the provenance block, and the file as
// received matching it.
const allReports = site.reports.flatMap((u) => [u, site.twin(u)]);
test('every report page shows its provenance and the file as received matches it', { skip: allReports.length ? false : site.missing.report }, async () => {
  const page = await env.browser.newPage();
  try {
    for (const url of allReports) {
      await page.goto(env.base + url);
      const block = page.locator('section#provenance');
      assert.equal(await block.count(), 1, `${url}: no provenance block`);
      assert.ok(await block.isVisible(), `${url}: the provenance block is not visible`);
      const rows = await block.locator('dt').allInnerTexts();
      assert.ok(rows.length >= 7, `${url}: the provenance block has ${rows.length} entries: ${rows}`);
      // Original URL and retrieval date: a link or a date, or said to be unknown.
      const dds = await block.locator('dd').allInnerTexts();
      assert.ok(dds.every((t) => t.trim() !== ''), `${url}: an empty provenance entry`);
      const href = await block.locator('a[data-original]').getAttribute('href');
      const sha = (await block.locator('[data-sha256]').innerText()).trim();
      assert.match(sha, /^[0-9a-f]{64}$/);
      const res = await page.request.get(env.base + href);
      assert.equal(res.status(), 200, `${url}: the file as received (${href}) does not download`);
      const body = await res.body();
      assert.equal(crypto.createHash('sha256').update(body).digest('hex'), sha, `${url}: ${href} does not have the SHA-256 shown`);
      const size = dds.find((t) => /^\s*[\d,]+ B\s*$/.test(t));
      assert.ok(size, `${url}: no size in the provenance block`);
      assert.equal(Number(size.replace(/[^\d]/g, '')), body.length, `${url}: the size shown is not the file's`);
      // The report-an-error link is on the page.
      assert.equal(await page.locator('.report-error a[href*="/issues/new"]').count(), 1, `${url}: no report-an-error link`);
    }
  } finally {
    await page.close();
  }
});
