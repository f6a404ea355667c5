package publish

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path"
	"sort"
	"strconv"
	"strings"

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
id                   stable id of the figure: <source>-<paragraph>-<n>; its row on place
                     and indicator pages has the anchor #f-<id>, and the figure in its
                     report the anchor #f-<paragraph>-<n>
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

// addDownloads writes the language-neutral downloads.
func (f Files) addDownloads(conv pipeline.Converter, baseURL string, reports []pipeline.Report, indicators []pipeline.Indicator) error {
	ind := indicatorIndex(indicators)
	var all []map[string]string
	byIndicator := map[string][]map[string]string{}
	byPlace := map[string][]map[string]string{}
	base := strings.TrimSuffix(baseURL, "/")
	for _, r := range reports {
		for _, o := range r.Figures {
			row := map[string]string{
				"id": o.ID, "indicator": o.Indicator,
				"label_hans": conv.ToHans(o.Label), "label_hant": conv.ToHant(o.Label),
				"place_code": o.PlaceCode, "place_name_hans": conv.ToHans(o.PlaceName), "place_name_hant": conv.ToHant(o.PlaceName),
				"year": itoa(o.Year), "kind": o.Kind, "cue": o.Cue,
				"value": o.Value, "unit": o.Unit, "qualifier": o.Qualifier,
				"number": formatNumber(o.Number), "canonical_unit": o.CanonicalUnit, "base_year": itoa(o.BaseYear),
				"source": o.Source, "paragraph": o.Paragraph,
				"quote_hans": conv.ToHans(o.Quote), "quote_hant": conv.ToHant(o.Quote),
				"permalink_hans": base + "/zh-hans/sources/" + o.Source + "/#" + reportAnchor(o),
				"permalink_hant": base + "/zh-hant/sources/" + o.Source + "/#" + reportAnchor(o),
				"conflict":       strconv.FormatBool(o.Conflict),
			}
			if o.Place != nil {
				row["place_name_hans"], row["place_name_hant"] = o.Place.Name, o.Place.NameHant
			}
			if o.NumberHigh != nil {
				row["number_high"] = formatNumber(*o.NumberHigh)
			}
			if i, ok := ind[o.Indicator]; ok {
				row["indicator_name_hans"], row["indicator_name_hant"], row["indicator_name_en"] = i.Name.Hans, i.Name.Hant, i.NameEn
			}
			all = append(all, row)
			if o.Indicator != "" {
				byIndicator[o.Indicator] = append(byIndicator[o.Indicator], row)
			}
			if o.Place != nil {
				byPlace[o.PlaceCode] = append(byPlace[o.PlaceCode], row)
				for _, p := range o.Place.Parents {
					byPlace[p.Code] = append(byPlace[p.Code], row)
				}
			}
		}
	}
	f[path.Join(downloadsDir, "observations.csv")] = csvBytes(all)
	b, err := json.MarshalIndent(orderedRows(all), "", " ")
	if err != nil {
		return err
	}
	// The published data layer; hugo.toml also serves it at /data/.
	f[ObservationsJSON] = append(b, '\n')
	for id, rows := range byIndicator {
		f[path.Join(downloadsDir, "indicators", id+".csv")] = csvBytes(rows)
	}
	for code, rows := range byPlace {
		f[path.Join(downloadsDir, "places", code+".csv")] = csvBytes(rows)
	}
	f[path.Join(downloadsDir, "README.txt")] = []byte(downloadsReadme)
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// csvBytes writes rows with a UTF-8 byte-order mark, which spreadsheet
// programs need to read Chinese correctly.
func csvBytes(rows []map[string]string) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.Write(csvColumns)
	for _, r := range rows {
		rec := make([]string, len(csvColumns))
		for i, c := range csvColumns {
			rec[i] = r[c]
		}
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// orderedRows keeps the JSON keys in column order (a map would sort them).
func orderedRows(rows []map[string]string) []json.RawMessage {
	out := make([]json.RawMessage, 0, len(rows))
	for _, r := range rows {
		var b bytes.Buffer
		b.WriteByte('{')
		for i, c := range csvColumns {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(c)
			v, _ := json.Marshal(r[c])
			b.Write(k)
			b.WriteByte(':')
			b.Write(v)
		}
		b.WriteByte('}')
		out = append(out, b.Bytes())
	}
	return out
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
