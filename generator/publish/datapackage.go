package publish

import (
	"bytes"
	"encoding/json"
	"path"
	"sort"
	"strings"
)

// The downloads as a Frictionless Data Package (datapackage.json, v1
// tabular-data-package): every CSV a resource with its Table Schema (the
// figures' schema is one file, observations.schema.json, shared by the
// whole table and its indicator and place subsets), the figures' source
// column a foreign key into sources.csv, the licence, sizes and row counts.

const (
	packageName    = "eduportal-observations"
	packageTitle   = "教育履职公开：地方政府履行教育职责评价报告中的数字"
	packageTitleEN = "Figures from local-government education duty reports (教育履职公开)"
	schemaFile     = "observations.schema.json"
)

var packageLicence = licence{Name: "CC-BY-4.0", Path: "https://creativecommons.org/licenses/by/4.0/", Title: "Creative Commons Attribution 4.0"}

type licence struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

type dataPackage struct {
	Profile      string        `json:"profile"`
	Name         string        `json:"name"`
	Title        string        `json:"title"`
	Description  string        `json:"description"`
	Homepage     string        `json:"homepage"`
	Licenses     []licence     `json:"licenses"`
	Sources      []pkgSource   `json:"sources"`
	Contributors []contributor `json:"contributors"`
	Keywords     []string      `json:"keywords"`
	Resources    []resource    `json:"resources"`
}

type pkgSource struct {
	Title string `json:"title"`
	Path  string `json:"path"`
}

type contributor struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
	Role  string `json:"role"`
}

type resource struct {
	Profile   string `json:"profile"`
	Name      string `json:"name"`
	Path      string `json:"path"`
	Title     string `json:"title"`
	Format    string `json:"format"`
	Mediatype string `json:"mediatype"`
	Encoding  string `json:"encoding"`
	Bytes     int    `json:"bytes"`
	Rows      int    `json:"rows"`
	// No dialect: the CSVs are the default (comma, double quotes, a
	// header row), which at thousands of files is worth not repeating.
	Schema any `json:"schema"`
}

const packageDescription = "报告中的全部数字，每行一个，附地区、年份、类型、原句和出处；sources.csv 列出每份报告及其收到的文件。CSV 为带 BOM 的 UTF-8，以 ' 开头的文字单元格是为防止电子表格把它当作公式而加的。 / " +
	"Every figure found in the reports, one a row, with its place, year, kind, sentence and source; sources.csv lists each report and the file as received. CSVs are UTF-8 with a BOM; a text cell starting with ' had it added so that spreadsheets do not run it as a formula."

func observationsSchema() tableSchema {
	return schemaOf(observationFields, "id", foreignKey{Fields: "source", Reference: keyReference{Resource: "sources", Fields: "id"}})
}

// observationsMeta is the metadata wrapped around observations.json's
// figures: what the package says, and the fields with their types.
func observationsMeta(base string) jsonMeta {
	return jsonMeta{Name: packageName, Title: packageTitle, TitleEN: packageTitleEN, Description: packageDescription,
		Homepage: base + "/", License: packageLicence, Sources: base + "/data/sources.csv", Schema: observationsSchema()}
}

type jsonMeta struct {
	Name        string      `json:"name"`
	Title       string      `json:"title"`
	TitleEN     string      `json:"title_en"`
	Description string      `json:"description"`
	Homepage    string      `json:"homepage"`
	License     licence     `json:"license"`
	Sources     string      `json:"sources"` // the table to join the figures' source on
	Schema      tableSchema `json:"schema"`
}

func jsonIndent(v any, prefix, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// list lists every download with its size and rows, as the tasks that
// wrote them measured them. It is called after the tasks have run.
func (d *downloads) list() []downloadFile {
	out := append([]downloadFile{
		{Path: "/data/observations.json", Bytes: d.jsonBytes, Rows: len(d.csv)},
		{Path: "/data/sources.csv", Bytes: len(d.sources), Rows: d.sourceCount},
		{Path: "/data/README.txt", Bytes: len(downloadsReadme())},
	}, d.listed...)
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// datapackage is datapackage.json and the figures' Table Schema.
func (d *downloads) datapackage() (pkg, schema []byte, err error) {
	p := dataPackage{
		Profile: "tabular-data-package", Name: packageName, Title: packageTitle, Description: packageDescription,
		Homepage: d.base + "/", Licenses: []licence{packageLicence},
		Sources:      []pkgSource{{Title: "各报告原文，见 sources.csv / the reports, listed in sources.csv", Path: d.base + "/data/sources.csv"}},
		Contributors: []contributor{{Title: portalName, Path: d.base + "/", Role: "publisher"}},
		Keywords:     []string{"履行教育职责评价", "education", "China", "local government"},
	}
	for _, f := range d.list() {
		rel := strings.TrimPrefix(f.Path, "/data/")
		if !strings.HasSuffix(rel, ".csv") {
			continue
		}
		r := resource{Profile: "tabular-data-resource", Path: rel, Format: "csv", Mediatype: "text/csv",
			Encoding: "utf-8", Bytes: f.Bytes, Rows: f.Rows, Schema: schemaFile}
		switch dir, file := path.Split(rel); {
		case rel == "sources.csv":
			r.Name, r.Title, r.Schema = "sources", "报告 / reports", schemaOf(sourceFields, "id")
		case rel == "observations.csv":
			r.Name, r.Title = "observations", "全部数字 / all figures"
		case dir == "indicators/":
			id := strings.TrimSuffix(file, ".csv")
			r.Name = "indicator-" + strings.ReplaceAll(id, "_", "-")
			if i, ok := d.ind[id]; ok {
				r.Title = i.Name.Hans + " / " + i.NameEn
			}
		case dir == "places/":
			code := strings.TrimSuffix(file, ".csv")
			r.Name = "place-" + strings.ReplaceAll(code, "_", "-")
			r.Title = d.places[code].Name
		}
		p.Resources = append(p.Resources, r)
	}
	if pkg, err = jsonIndent(p, "", "  "); err != nil {
		return nil, nil, err
	}
	if schema, err = jsonIndent(observationsSchema(), "", "  "); err != nil {
		return nil, nil, err
	}
	return append(pkg, '\n'), append(schema, '\n'), nil
}

// downloadsReadme is README.txt, in Chinese and then in English, made from
// the same field lists as the data.
func downloadsReadme() string {
	var b strings.Builder
	b.WriteString("教育履职公开：数据下载 / Education duty reports: downloads\n")
	b.WriteString("==========================================================\n\n")
	b.WriteString(`observations.csv（带 BOM 的 UTF-8，逗号分隔，每行一个数字）和 observations.json（同样的数字，
带类型：数为数，真假为 true/false，没有的为 null，附元数据）列出报告中的全部数字。
indicators/<编号>.csv 和 places/<代码>.csv 是一个指标或一个地区（含下属地区）的数字，列相同。
sources.csv 每行一份报告，可以用 source 列与 id 列连接。datapackage.json 按 Frictionless
Data Package 规范描述全部文件，observations.schema.json 是数字表的结构。
以 ' 开头的文字单元格是为防止电子表格把它当作公式而加的。

数字表的列
----------
`)
	readmeColumns(&b, observationFields, false)
	b.WriteString("\nsources.csv 的列\n----------------\n")
	readmeColumns(&b, sourceFields, false)
	b.WriteString("\n许可：数据以 CC BY 4.0 发布，请注明本站和原始报告。" + copyRights + "。\n\n")
	b.WriteString(`observations.csv (UTF-8 with BOM, comma-separated, one row per figure) and
observations.json (the same figures, typed: numbers as numbers, true/false, null for none,
with metadata) hold every figure found in the reports. indicators/<id>.csv and
places/<code>.csv hold the figures of one indicator or one place (and the places under it),
with the same columns. sources.csv has one row per report, to join on source = id.
datapackage.json describes every file as a Frictionless Data Package;
observations.schema.json is the figures' Table Schema. A text cell starting with ' had it
added so that spreadsheets do not run it as a formula.

Columns of the figures
----------------------
`)
	readmeColumns(&b, observationFields, true)
	b.WriteString("\nColumns of sources.csv\n----------------------\n")
	readmeColumns(&b, sourceFields, true)
	b.WriteString("\nLicence: CC BY 4.0. Cite the portal and the original report. The reports' text remains the\ncopyright of their authors and publishers; the portal archives it for checking.\n")
	return b.String()
}

// downloadGroup is a section of the data page.
type downloadGroup struct {
	Key   string         `json:"key"` // all, indicators, places, sources
	Files []downloadFile `json:"files"`
}

// dataPageGroups groups the downloads for the data page, named in lang's
// script: the whole data set, by indicator, by place, and the sources.
func (d *downloads) dataPageGroups(lang Lang, files []downloadFile) []downloadGroup {
	groups := []downloadGroup{{Key: "all"}, {Key: "indicators"}, {Key: "places"}, {Key: "sources"}}
	for _, f := range files {
		dir, file := path.Split(strings.TrimPrefix(f.Path, "/data/"))
		id := strings.TrimSuffix(file, ".csv")
		switch dir {
		case "indicators/":
			if i, ok := d.ind[id]; ok {
				f.Name = lang.pick(i.Name)
			}
			groups[1].Files = append(groups[1].Files, f)
		case "places/":
			if p, ok := d.places[id]; ok {
				f.Name = lang.placeName(p)
			}
			groups[2].Files = append(groups[2].Files, f)
		default:
			if file == "sources.csv" {
				groups[3].Files = append(groups[3].Files, f)
				continue
			}
			groups[0].Files = append(groups[0].Files, f)
		}
	}
	return groups
}
