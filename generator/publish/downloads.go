package publish

import (
	"bytes"
	"encoding/csv"
	"path"
	"path/filepath"
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

// csvColumns are the download's columns (schema.go describes them).
var csvColumns = columnNames(observationFields)

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
	csv    [][]byte                  // every figure, in report order
	files  map[string][]int          // CSV file under downloadsDir → its rows (indexes into csv), in report order
	names  []string                  // the CSV files, sorted
	listed []downloadFile            // each of names as the data page lists it, filled by the tasks that write them
	places map[string]pipeline.Place // place code → place, to name the places' files

	sources     []byte // sources.csv
	sourceCount int

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
			excelSafe(rec, observationFields)
			w.Write(rec)
			w.Flush()
			e[fi] = bytes.Clone(b.Bytes())
			b.Reset()
		}
		enc[ri] = e
	})
	d := &downloads{header: csvHeader(csvColumns), files: map[string][]int{}, places: map[string]pipeline.Place{},
		base: base, reports: reports, ind: ind, hans: hans, hant: hant}
	open := func(name string) {
		if _, ok := d.files[name]; !ok {
			d.names = append(d.names, name)
			d.files[name] = nil
		}
	}
	add := func(name string, row int) {
		open(name)
		d.files[name] = append(d.files[name], row)
	}
	// Every registered indicator has its file, with only the header when
	// no report gives it yet; so has the whole table.
	open("observations.csv")
	for id := range ind {
		open(path.Join("indicators", id+".csv"))
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
				d.places[o.PlaceCode] = *o.Place
				for _, p := range o.Place.Parents {
					add(path.Join("places", p.Code+".csv"), row)
					d.places[p.Code] = p
				}
			}
		}
	}
	sort.Strings(d.names)
	d.listed = make([]downloadFile, len(d.names))
	d.sources, d.sourceCount = encodeSources(base, reports), len(reports)
	return d
}

// encodeSources is sources.csv: one row per report, to join the figures'
// source column on.
func encodeSources(base string, reports []pipeline.Report) []byte {
	var b bytes.Buffer
	b.Write(csvHeader(columnNames(sourceFields)))
	w := csv.NewWriter(&b)
	for _, r := range reports {
		m := r.Source.Meta
		rec := []string{
			r.Source.ID, r.Title.Hans, r.Title.Hant, strconv.FormatBool(m.TitleSupplied), m.Kind,
			strings.Join(m.Authors, "; "), m.Publisher, m.PublisherPlace, m.Host, m.URL, m.Published, m.Retrieved,
			itoa(m.CoversYear), m.Script, mediaType(r.Source.OriginalPath, r.Source.Encoding), strconv.Itoa(len(r.Source.Bytes)),
			r.Source.SHA256, base + originalPath(r),
			base + "/zh-hans/sources/" + r.Source.ID + "/", base + "/zh-hant/sources/" + r.Source.ID + "/", copyRights,
		}
		excelSafe(rec, sourceFields)
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// originalPath is the site path of a report's original bytes.
func originalPath(r pipeline.Report) string {
	return "/originals/" + r.Source.ID + "/" + path.Base(filepath.ToSlash(r.Source.OriginalPath))
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
				d.listed[i] = downloadFile{Path: "/data/" + name, Bytes: len(b), Rows: len(d.files[name])}
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
		js := make([]byte, 0, len(d.csv)*1300+4096) // about 1.2 KB a figure; append grows it if short
		js = append(js, "{\n \"metadata\": "...)
		meta, err := jsonIndent(observationsMeta(d.base), " ", " ")
		if err != nil {
			return err
		}
		js = append(js, meta...)
		js = append(js, ",\n \"observations\": ["...)
		var rec []string
		n := 0
		for ri, r := range d.reports {
			for fi, o := range r.Figures {
				if n > 0 {
					js = append(js, ',')
				}
				n++
				js = append(js, "\n  "...)
				rec = downloadRecord(rec, o, d.base, d.ind, &d.hans[ri][fi], &d.hant[ri][fi])
				js = appendJSONObject(js, rec)
			}
		}
		if n > 0 {
			js = append(js, "\n "...)
		}
		js = append(js, "]\n}\n"...)
		d.jsonBytes = len(js)
		f.add(ObservationsJSON, js)
		f.add(path.Join(downloadsDir, "README.txt"), []byte(downloadsReadme()))
		f.add(path.Join(downloadsDir, "sources.csv"), d.sources)
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

// downloadRecord is one figure's values in csvColumns order. Names, labels
// and quotes come from the figure's rows in the two scripts; the value and
// the units are the Simplified row's (the Traditional is on the page), the
// cue as the report wrote it.
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
		hans.Value, hans.Unit, o.Qualifier, formatNumber(o.Number), high, hans.Canonical, itoa(o.BaseYear),
		o.Source, o.Paragraph, hans.Quote, hant.Quote,
		base+"/zh-hans/sources/"+o.Source+"/#"+hans.Anchor,
		base+"/zh-hant/sources/"+o.Source+"/#"+hant.Anchor,
		strconv.FormatBool(o.Conflict),
		o.LabelFlag, conflictIDs(o.ConflictsWith), o.Level, o.Span,
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

// csvHeader is the first line of a CSV, after a UTF-8 byte-order mark,
// which spreadsheet programs need to read Chinese correctly.
func csvHeader(columns []string) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.Write(columns)
	w.Flush()
	return b.Bytes()
}

// appendJSONObject appends a record as a JSON object with the keys in
// column order (a map would sort them), each value typed as its field
// says: numbers as numbers, booleans as booleans, null for none.
func appendJSONObject(b []byte, rec []string) []byte {
	b = append(b, '{')
	for i, f := range observationFields {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n   \""...)
		b = append(b, f.Name...)
		b = append(b, "\": "...)
		switch {
		case rec[i] == "":
			b = append(b, "null"...)
		case f.Type == "string":
			b = jsonout.AppendString(b, rec[i])
		default: // integer, number, boolean: formatted by us, valid JSON as they are
			b = append(b, rec[i]...)
		}
	}
	return append(b, "\n  }"...)
}

// downloadFile is a download as the data page and datapackage.json list it.
type downloadFile struct {
	Path  string `json:"path"`
	Name  string `json:"name,omitempty"` // the indicator's or place's name, in the page's script
	Bytes int    `json:"bytes"`
	Rows  int    `json:"rows"`
}
