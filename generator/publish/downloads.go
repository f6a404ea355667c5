package publish

import (
	"bytes"
	"encoding/csv"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/eduportal/portal/generator/internal/jsonout"
	"github.com/eduportal/portal/generator/internal/parallel"
	"github.com/eduportal/portal/generator/pipeline"
)

// downloadsDir is where the downloads are written; hugo.toml mounts it at
// /data/ on the site, outside both script trees.
const downloadsDir = "data/generated/downloads"

// ObservationsJSON is every figure, as published.
const ObservationsJSON = "data/generated/observations.json"

// csvColumns are the download's columns, documented in downloadsReadme.
var csvColumns = []string{
	"id", "indicator", "indicator_name_hans", "indicator_name_hant", "indicator_name_en",
	"label_hans", "label_hant", "place_code", "place_name_hans", "place_name_hant", "year", "kind", "cue",
	"value", "unit", "qualifier", "number", "number_high", "canonical_unit", "base_year",
	"source", "paragraph", "quote_hans", "quote_hant", "permalink_hans", "permalink_hant", "conflict",
	"label_flag", "conflicts_with",
}

const downloadsReadme = `Figures from local-government education duty reports
=====================================================

observations.csv (UTF-8 with BOM, comma-separated, one row per figure) and
observations.json (the same rows as a JSON array of objects) hold every figure
found in the reports. indicators/<id>.csv and places/<code>.csv hold the rows
of one indicator or one place (and the places under it).

Columns
-------
id                   stable id of the figure: <source>-<paragraph>-<n>; the figure in
                     its report has the anchor #f-<paragraph>-<n> (see permalink_*)
indicator            id of the registered indicator, empty for an unregistered figure
indicator_name_hans  indicator name, Simplified
indicator_name_hant  indicator name, Traditional
indicator_name_en    indicator name, English
label_hans           the words in the report that say what is counted, Simplified
label_hant           the same, Traditional
place_code           GB/T 2260 code of the place; "x-..." for a place the gazetteer
                     does not list (anonymised "XX市", or unknown)
place_name_hans      place name, Simplified
place_name_hant      place name, Traditional
year                 the year the figure is about
kind                 actual (achieved), target (promised or planned) or change
                     (a difference from an earlier year)
cue                  the words that decided the kind (将, 力争, 到2025年, 增长 …)
value                the number exactly as written in the report
unit                 the unit exactly as written
qualifier            more-than, less-than, about, at-least, at-most … when the report
                     qualifies the number ("30多个"); empty otherwise
number               the value normalised to canonical_unit (2.67万个 -> 26700)
number_high          the upper end of a range, when the report gives one
canonical_unit       unit of number: money is in 元 (yuan); percentages are in %;
                     percentage points are 个百分点; counts keep their measure word
base_year            for a change, the year it is measured from
source               id of the report (see /zh-hans/sources/<source>/)
paragraph            paragraph of the report (anchor #<paragraph>)
quote_hans           the sentence the figure comes from, Simplified
quote_hant           the same, Traditional
permalink_hans       the figure in its report, Simplified page
permalink_hant       the same, Traditional page
conflict             "true" when another report gives another value for the same
                     indicator, place, year and kind
conflicts_with       ids of the figures of other reports that give another value
                     (space-separated)
label_flag           "no-measure" when the label names nothing countable (a bare
                     verb, no words at all): such figures are kept here but left
                     out of the site's tables and charts

Licence: CC BY 4.0. Cite the portal and the original report.
`

// downloads are the language-neutral downloads. Each figure is encoded
// once as a CSV line, and the bytes are copied into every file that holds
// it: observations.csv, its indicator's CSV, and the CSV of its place and
// of each place above; observations.json, the only file in JSON, is
// written straight from the figures. The files are assembled by several
// tasks, each emitting its own as soon as they are done, so that the
// downloads (two fifths of the site's bytes) are never in memory all at
// once.
type downloads struct {
	header []byte
	csv    [][]byte         // every figure, in report order
	files  map[string][]int // CSV file under downloadsDir → its rows (indexes into csv), in report order
	names  []string         // the CSV files, sorted
	listed []downloadFile   // each of names as the data page lists it, filled by the tasks that write them

	// What observations.json is written from.
	base       string
	reports    []pipeline.Report
	ind        map[string]pipeline.Indicator
	hans, hant rowsByReport
	jsonBytes  int // its size, known once its task has run
}

func encodeDownloads(baseURL string, reports []pipeline.Report, ind map[string]pipeline.Indicator, hans, hant rowsByReport) *downloads {
	base := strings.TrimSuffix(baseURL, "/")
	enc := make([][][]byte, len(reports))
	parallel.For(len(reports), func(ri int) {
		r := &reports[ri]
		e := make([][]byte, len(r.Figures))
		// One CSV writer per report: each line is copied out of its
		// buffer after a flush.
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		var rec []string
		for fi, o := range r.Figures {
			rec = downloadRecord(rec, o, base, ind, &hans[ri][fi], &hant[ri][fi])
			w.Write(rec)
			w.Flush()
			e[fi] = bytes.Clone(b.Bytes())
			b.Reset()
		}
		enc[ri] = e
	})
	d := &downloads{header: csvHeader(), files: map[string][]int{},
		base: base, reports: reports, ind: ind, hans: hans, hant: hant}
	add := func(name string, row int) {
		if _, ok := d.files[name]; !ok {
			d.names = append(d.names, name)
		}
		d.files[name] = append(d.files[name], row)
	}
	for ri, r := range reports {
		for fi, o := range r.Figures {
			row := len(d.csv)
			d.csv = append(d.csv, enc[ri][fi])
			add("observations.csv", row)
			if o.Indicator != "" {
				add(path.Join("indicators", o.Indicator+".csv"), row)
			}
			if o.Place != nil {
				add(path.Join("places", o.PlaceCode+".csv"), row)
				for _, p := range o.Place.Parents {
					add(path.Join("places", p.Code+".csv"), row)
				}
			}
		}
	}
	sort.Strings(d.names)
	d.listed = make([]downloadFile, len(d.names))
	return d
}

// downloadChunk is how many CSV files one task assembles.
const downloadChunk = 64

// tasks assemble the downloads: chunks of CSV files, observations.json and
// the README.
func (d *downloads) tasks() []func(*output) error {
	var tasks []func(*output) error
	for _, c := range chunks(len(d.names), downloadChunk) {
		tasks = append(tasks, func(f *output) error {
			buf := scratch.Get().(*[]byte)
			defer scratch.Put(buf)
			for i := c.from; i < c.to; i++ {
				name := d.names[i]
				var b []byte
				if size := d.csvSize(name); size > pooledMax {
					b = make([]byte, 0, size) // observations.csv: not kept for small files
				} else {
					b = slices.Grow((*buf)[:0], size)
				}
				b = append(b, d.header...)
				for _, row := range d.files[name] {
					b = append(b, d.csv[row]...)
				}
				f.add(path.Join(downloadsDir, name), b)
				// A row is a line, unless a quoted field holds a line break.
				d.listed[i] = downloadFile{Path: "/data/" + name, Bytes: len(b), Rows: bytes.Count(b, []byte("\n")) - 1}
				if cap(b) <= pooledMax {
					*buf = b
				}
			}
			return nil
		})
	}
	// The published data layer; hugo.toml also serves it at /data/. It
	// goes first, being the longest task.
	json := func(f *output) error {
		// Laid out as json.MarshalIndent lays out an array of objects:
		// "[", each object after ",\n " (the first after "\n "), "\n"
		// after the last, "]\n".
		js := make([]byte, 0, len(d.csv)*1300) // about 1.2 KB a figure; append grows it if short
		js = append(js, '[')
		var rec []string
		for ri, r := range d.reports {
			for fi, o := range r.Figures {
				if len(js) > 1 {
					js = append(js, ',')
				}
				js = append(js, "\n "...)
				rec = downloadRecord(rec, o, d.base, d.ind, &d.hans[ri][fi], &d.hant[ri][fi])
				js = appendJSONObject(js, rec)
			}
		}
		if len(js) > 1 {
			js = append(js, '\n')
		}
		js = append(js, "]\n"...)
		d.jsonBytes = len(js)
		f.add(ObservationsJSON, js)
		f.add(path.Join(downloadsDir, "README.txt"), []byte(downloadsReadme))
		return nil
	}
	return append([]func(*output) error{json}, tasks...)
}

func (d *downloads) csvSize(name string) int {
	n := len(d.header)
	for _, row := range d.files[name] {
		n += len(d.csv[row])
	}
	return n
}

// list describes the downloads for the data page, as the tasks that wrote
// them measured them. It is called after the tasks have run.
func (d *downloads) list() []downloadFile {
	out := append([]downloadFile{
		{Path: "/data/observations.json", Bytes: d.jsonBytes, Rows: len(d.csv)},
		{Path: "/data/README.txt", Bytes: len(downloadsReadme)},
	}, d.listed...)
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// downloadRecord is one figure's values in csvColumns order. Names, labels
// and quotes come from the figure's rows in the two scripts; the value,
// unit and cue stay as the report wrote them.
// It reuses rec's array.
func downloadRecord(rec []string, o pipeline.Observation, base string, ind map[string]pipeline.Indicator, hans, hant *figureRow) []string {
	var indHans, indHant, indEn, high string
	if i, ok := ind[o.Indicator]; ok {
		indHans, indHant, indEn = i.Name.Hans, i.Name.Hant, i.NameEn
	}
	if o.NumberHigh != nil {
		high = formatNumber(*o.NumberHigh)
	}
	return append(rec[:0],
		o.ID, o.Indicator, indHans, indHant, indEn,
		hans.Label, hant.Label, o.PlaceCode, hans.Place, hant.Place, itoa(o.Year), o.Kind, o.Cue,
		o.Value, o.Unit, o.Qualifier, formatNumber(o.Number), high, o.CanonicalUnit, itoa(o.BaseYear),
		o.Source, o.Paragraph, hans.Quote, hant.Quote,
		base+"/zh-hans/sources/"+o.Source+"/#"+hans.Anchor,
		base+"/zh-hant/sources/"+o.Source+"/#"+hant.Anchor,
		strconv.FormatBool(o.Conflict),
		o.LabelFlag, conflictIDs(o.ConflictsWith),
	)
}

func conflictIDs(refs []pipeline.ConflictRef) string {
	ids := make([]string, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	return strings.Join(ids, " ")
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// csvHeader is the first line of every CSV, after a UTF-8 byte-order
// mark, which spreadsheet programs need to read Chinese correctly.
func csvHeader() []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.Write(csvColumns)
	w.Flush()
	return b.Bytes()
}

// appendJSONObject appends a record as a JSON object with the keys in
// column order (a map would sort them), laid out as json.MarshalIndent
// lays out an element of an array.
func appendJSONObject(b []byte, rec []string) []byte {
	b = append(b, '{')
	for i, c := range csvColumns {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  \""...)
		b = append(b, c...)
		b = append(b, "\": "...)
		b = jsonout.AppendString(b, rec[i])
	}
	return append(b, "\n }"...)
}

// downloadList describes the downloads for the data page.
type downloadFile struct {
	Path  string `json:"path"`
	Bytes int    `json:"bytes"`
	Rows  int    `json:"rows"`
}
