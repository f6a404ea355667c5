package publish

import (
	"bytes"
	"errors"
	"encoding/csv"
	"encoding/json"
	"path"
	"sort"
	"strconv"
	"strings"

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

Licence: CC BY 4.0. Cite the portal and the original report.
`

// addDownloads writes the language-neutral downloads. Each figure is
// encoded once, as a CSV line and a JSON object, and the bytes are copied
// into every file that holds it: observations.csv and .json, its
// indicator's CSV, and the CSV of its place and of each place above.
func (f Files) addDownloads(baseURL string, reports []pipeline.Report, ind map[string]pipeline.Indicator, hans, hant rowsByReport) error {
	base := strings.TrimSuffix(baseURL, "/")
	type encoded struct{ csv, json [][]byte }
	enc := make([]encoded, len(reports))
	errs := make([]error, len(reports))
	parallel.For(len(reports), func(ri int) {
		r := &reports[ri]
		e := encoded{csv: make([][]byte, len(r.Figures)), json: make([][]byte, len(r.Figures))}
		for fi, o := range r.Figures {
			rec := downloadRecord(o, base, ind, hans[ri][fi], hant[ri][fi])
			var b bytes.Buffer
			w := csv.NewWriter(&b)
			w.Write(rec)
			w.Flush()
			e.csv[fi] = b.Bytes()
			if e.json[fi], errs[ri] = jsonObject(rec); errs[ri] != nil {
				return
			}
		}
		enc[ri] = e
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	header := csvHeader()
	all := bytes.NewBuffer(append([]byte(nil), header...))
	var js bytes.Buffer
	byIndicator := map[string]*bytes.Buffer{}
	byPlace := map[string]*bytes.Buffer{}
	add := func(m map[string]*bytes.Buffer, key string, line []byte) {
		b := m[key]
		if b == nil {
			b = bytes.NewBuffer(append([]byte(nil), header...))
			m[key] = b
		}
		b.Write(line)
	}
	js.WriteString("[")
	for ri, r := range reports {
		for fi, o := range r.Figures {
			line := enc[ri].csv[fi]
			all.Write(line)
			if js.Len() > 1 {
				js.WriteByte(',')
			}
			js.WriteString("\n ")
			js.Write(enc[ri].json[fi])
			if o.Indicator != "" {
				add(byIndicator, o.Indicator, line)
			}
			if o.Place != nil {
				add(byPlace, o.PlaceCode, line)
				for _, p := range o.Place.Parents {
					add(byPlace, p.Code, line)
				}
			}
		}
	}
	if js.Len() > 1 {
		js.WriteString("\n")
	}
	js.WriteString("]\n")
	f[path.Join(downloadsDir, "observations.csv")] = all.Bytes()
	// The published data layer; hugo.toml also serves it at /data/.
	f[ObservationsJSON] = js.Bytes()
	for id, b := range byIndicator {
		f[path.Join(downloadsDir, "indicators", id+".csv")] = b.Bytes()
	}
	for code, b := range byPlace {
		f[path.Join(downloadsDir, "places", code+".csv")] = b.Bytes()
	}
	f[path.Join(downloadsDir, "README.txt")] = []byte(downloadsReadme)
	return nil
}

// downloadRecord is one figure's values in csvColumns order. Names, labels
// and quotes come from the figure's rows in the two scripts; the value,
// unit and cue stay as the report wrote them.
func downloadRecord(o pipeline.Observation, base string, ind map[string]pipeline.Indicator, hans, hant figureRow) []string {
	var indHans, indHant, indEn, high string
	if i, ok := ind[o.Indicator]; ok {
		indHans, indHant, indEn = i.Name.Hans, i.Name.Hant, i.NameEn
	}
	if o.NumberHigh != nil {
		high = formatNumber(*o.NumberHigh)
	}
	return []string{
		o.ID, o.Indicator, indHans, indHant, indEn,
		hans.Label, hant.Label, o.PlaceCode, hans.Place, hant.Place, itoa(o.Year), o.Kind, o.Cue,
		o.Value, o.Unit, o.Qualifier, formatNumber(o.Number), high, o.CanonicalUnit, itoa(o.BaseYear),
		o.Source, o.Paragraph, hans.Quote, hant.Quote,
		base + "/zh-hans/sources/" + o.Source + "/#" + hans.Anchor,
		base + "/zh-hant/sources/" + o.Source + "/#" + hant.Anchor,
		strconv.FormatBool(o.Conflict),
	}
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

// jsonObject writes a record as a JSON object with the keys in column
// order (a map would sort them), laid out as json.MarshalIndent lays out
// an element of an array.
func jsonObject(rec []string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{")
	for i, c := range csvColumns {
		if i > 0 {
			b.WriteByte(',')
		}
		v, err := json.Marshal(rec[i])
		if err != nil {
			return nil, err
		}
		b.WriteString("\n  \"" + c + "\": ")
		b.Write(v)
	}
	b.WriteString("\n }")
	return b.Bytes(), nil
}

// downloadList describes the downloads for the data page.
type downloadFile struct {
	Path  string `json:"path"`
	Bytes int    `json:"bytes"`
	Rows  int    `json:"rows"`
}

func (f Files) downloadList() []downloadFile {
	var out []downloadFile
	for p, b := range f {
		if p == ObservationsJSON {
			out = append(out, downloadFile{Path: "/data/observations.json", Bytes: len(b), Rows: bytes.Count(b, []byte("\n {"))})
			continue
		}
		if !strings.HasPrefix(p, downloadsDir+"/") {
			continue
		}
		rows := 0
		if strings.HasSuffix(p, ".csv") {
			rows = bytes.Count(b, []byte("\n")) - 1
		}
		out = append(out, downloadFile{Path: "/data/" + strings.TrimPrefix(p, downloadsDir+"/"), Bytes: len(b), Rows: rows})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}
