'use strict';
// The downloads as a Frictionless Data Package: datapackage.json validated
// against the Frictionless profile (tabular-data-package) by the
// Frictionless JS library (datapackage, pinned in package.json), and every
// CSV it lists read and cast against its Table Schema by tableschema: each
// row must cast (types, required, enum), ids must be unique, every figure's
// source must be a row of sources.csv, and each resource's declared rows
// and bytes must be the file's, and no text cell may start a spreadsheet
// formula. observations.json must hold the same figures, typed. No browser
// is needed; it runs with the browser tests.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Package } = require('datapackage');
const { Readable } = require('node:stream');
const { Table } = require('tableschema');
const site = require('../lib/site');

const DATA = path.join(site.SITE_DIR, 'data');
const BOM = '\uFEFF';

// readCSV casts every row of a CSV against schema. The BOM that lets
// spreadsheets read the files as UTF-8 is required, and stripped before
// parsing (tableschema would read it into the first header).
async function readCSV(file, schema) {
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.startsWith(BOM), `${file} has no UTF-8 byte-order mark`);
  const table = await Table.load(() => Readable.from([text.slice(BOM.length)]), { schema });
  return table.read({ keyed: true, cast: true });
}

test('datapackage.json is a valid Frictionless tabular data package and every CSV matches its schema', async () => {
  const descriptor = path.join(DATA, 'datapackage.json');
  assert.ok(fs.existsSync(descriptor), 'no /data/datapackage.json in the built site');
  const pkg = await Package.load(descriptor, { basePath: DATA });
  assert.deepEqual(pkg.errors.map(String), [], 'datapackage.json does not validate against the tabular-data-package profile');
  assert.ok(pkg.valid);

  const names = pkg.resources.map((r) => r.name);
  for (const want of ['observations', 'sources']) assert.ok(names.includes(want), `datapackage.json lists no "${want}" resource`);
  const listed = new Set(pkg.resources.map((r) => r.descriptor.path));
  const csvs = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.csv')) csvs.push(path.relative(DATA, p).split(path.sep).join('/'));
    }
  };
  walk(DATA);
  assert.deepEqual(csvs.filter((c) => !listed.has(c)), [], 'CSVs under /data/ that datapackage.json does not list');

  const sources = new Set();
  const byResource = {};
  // sources first: the figures' foreign key points at it.
  const ordered = [...pkg.resources].sort((a, b) => (a.name === 'sources' ? -1 : b.name === 'sources' ? 1 : 0));
  for (const r of ordered) {
    const d = r.descriptor;
    const file = path.join(DATA, d.path);
    const rows = await readCSV(file, r.schema.descriptor).catch((e) => {
      const details = (e.errors || []).slice(0, 5).map(String).join('\n');
      throw new Error(`${d.path} does not match its schema: ${e.message}\n${details}`);
    });
    assert.equal(rows.length, d.rows, `${d.path}: datapackage.json says ${d.rows} rows, the file has ${rows.length}`);
    assert.equal(fs.statSync(file).size, d.bytes, `${d.path}: datapackage.json says ${d.bytes} bytes`);
    const key = r.schema.descriptor.primaryKey;
    if (key) {
      const seen = new Set(rows.map((x) => x[key]));
      assert.equal(seen.size, rows.length, `${d.path}: the primary key ${key} is not unique`);
    }
    // Excel-safe: no text cell may start a formula (=, +, -, @, tab, CR).
    const text = r.schema.descriptor.fields.filter((f) => f.type === 'string' && !f.format).map((f) => f.name);
    const formulas = rows.flatMap((x) => text.filter((c) => /^[=+\-@\t\r]/.test(x[c] || '')).map((c) => `${c}=${x[c]}`));
    assert.deepEqual(formulas, [], `${d.path}: text cells a spreadsheet would run as formulas`);
    if (r.name === 'sources') rows.forEach((x) => sources.add(x.id));
    for (const fk of r.schema.descriptor.foreignKeys || []) {
      assert.equal(fk.reference.resource, 'sources');
      const missing = rows.filter((x) => !sources.has(x[fk.fields])).map((x) => x[fk.fields]);
      assert.deepEqual(missing, [], `${d.path}: ${fk.fields} values with no row in sources.csv`);
    }
    byResource[r.name] = rows;
  }

  // observations.json: the same figures, typed, with its metadata.
  const json = JSON.parse(fs.readFileSync(path.join(DATA, 'observations.json'), 'utf8'));
  assert.ok(json.metadata && json.metadata.schema, 'observations.json has no metadata with the schema');
  assert.equal(json.observations.length, byResource.observations.length, 'observations.json and observations.csv hold different numbers of figures');
  for (const [i, o] of json.observations.entries()) {
    assert.equal(typeof o.conflict, 'boolean', `figure ${o.id}: conflict is not a boolean`);
    assert.equal(typeof o.number, 'number', `figure ${o.id}: number is not a number`);
    assert.ok(o.year === null || Number.isInteger(o.year), `figure ${o.id}: year is neither an integer nor null`);
    assert.equal(o.id, byResource.observations[i].id, `figure ${i} differs between the JSON and the CSV`);
    assert.equal(o.number, byResource.observations[i].number, `figure ${o.id}: number differs between the JSON and the CSV`);
  }
});
