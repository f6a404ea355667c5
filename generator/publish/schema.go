package publish

import "strings"

// field is one column of a download: its name, its Table Schema type, and
// what it holds, in Chinese and in English. The CSV headers, datapackage.json,
// the metadata of observations.json and README.txt are all made from these
// lists, so none of them can disagree with the data or with each other.
type field struct {
	Name     string
	Type     string // Table Schema type: string, integer, number, boolean
	Format   string // "uri" for addresses, "" for the type's default
	Required bool
	Enum     []string
	ZH, EN   string
}

// observationFields are the columns of observations.csv (and of every
// indicator's and place's CSV), in order.
var observationFields = []field{
	{Name: "id", Type: "string", Required: true,
		ZH: "数字的固定编号：<报告>-<段落>-<序号>；它在报告页面上的锚点是 #f-<段落>-<序号>（见 permalink_*）",
		EN: "stable id of the figure: <source>-<paragraph>-<n>; its anchor on the report page is #f-<paragraph>-<n> (see permalink_*)"},
	{Name: "indicator", Type: "string",
		ZH: "登记指标的编号；未登记的数字为空", EN: "id of the registered indicator; empty for an unregistered figure"},
	{Name: "indicator_name_hans", Type: "string", ZH: "指标名称，简体", EN: "indicator name, Simplified"},
	{Name: "indicator_name_hant", Type: "string", ZH: "指标名称，繁体", EN: "indicator name, Traditional"},
	{Name: "indicator_name_en", Type: "string", ZH: "指标名称，英文", EN: "indicator name, English"},
	{Name: "label_hans", Type: "string", Required: true,
		ZH: "报告中说明所计何物的文字，简体", EN: "the words in the report that say what is counted, Simplified"},
	{Name: "label_hant", Type: "string", Required: true, ZH: "同上，繁体", EN: "the same, Traditional"},
	{Name: "place_code", Type: "string",
		ZH: "地区的 GB/T 2260 代码；x- 开头为匿名地区（XX市），u- 开头为地名录中没有的地区",
		EN: `GB/T 2260 code of the place; "x-..." for an anonymised place ("XX市"), "u-..." for one the gazetteer does not list`},
	{Name: "place_name_hans", Type: "string", ZH: "地区名称，简体", EN: "place name, Simplified"},
	{Name: "place_name_hant", Type: "string", ZH: "地区名称，繁体", EN: "place name, Traditional"},
	{Name: "year", Type: "integer", ZH: "数字所说的年份；不详为空", EN: "the year the figure is about; empty when unknown"},
	{Name: "kind", Type: "string", Required: true, Enum: []string{"actual", "target", "change"},
		ZH: "actual（已实现）、target（承诺或计划）或 change（与某一年相比的变化）",
		EN: "actual (achieved), target (promised or planned) or change (a difference from an earlier year)"},
	{Name: "cue", Type: "string", ZH: "决定类型的字词（将、力争、到2025年、增长……）", EN: "the words that decided the kind (将, 力争, 到2025年, 增长 …)"},
	{Name: "value", Type: "string", Required: true, ZH: "报告中写出的数（简体）", EN: "the number as the report writes it (in Simplified)"},
	{Name: "unit", Type: "string", ZH: "报告中写出的单位，简体（繁体见页面）", EN: "the unit as the report writes it, in Simplified (the Traditional is on the page)"},
	{Name: "qualifier", Type: "string",
		ZH: "报告对数的限定：more than（多、余、超过）、at least（不低于、以上）、at most（不超过、以下）、about（约）、nearly（近、接近）；没有则为空",
		EN: "how the report qualifies the number: more than (多, 余, 超过), at least (不低于, 以上), at most (不超过, 以下), about (约), nearly (近, 接近); empty when it does not"},
	{Name: "number", Type: "number", Required: true,
		ZH: "换算为 canonical_unit 的数值（2.67万个 → 26700）", EN: "the value in canonical_unit (2.67万个 -> 26700)"},
	{Name: "number_high", Type: "number", ZH: "报告给出范围时的上限", EN: "the upper end of a range, when the report gives one"},
	{Name: "canonical_unit", Type: "string", Required: true,
		ZH: "number 的单位，简体：金额为元，百分比为 %，百分点为 pp，计数保留量词",
		EN: "unit of number, in Simplified: money in 元 (yuan), percentages in %, percentage points in pp, counts keep their measure word"},
	{Name: "base_year", Type: "integer", ZH: "变化所比较的年份", EN: "for a change, the year it is measured from"},
	{Name: "source", Type: "string", Required: true,
		ZH: "报告的编号，对应 sources.csv 的 id", EN: "id of the report: joins sources.csv on id"},
	{Name: "paragraph", Type: "string", Required: true, ZH: "报告中的段落（锚点 #<段落>）", EN: "paragraph of the report (anchor #<paragraph>)"},
	{Name: "quote_hans", Type: "string", Required: true, ZH: "数字所在的句子，简体；超过240字的句子只取数字前后各100字，一份报告的引文超过5万字后只引数字本身，“…”表示截断（永久链接指向整句）", EN: "the sentence the figure comes from, Simplified; a sentence over 240 characters is cut to 100 either side of the figure, and once a report's quotes pass 50,000 characters its further figures are quoted alone; \"…\" marks a cut (the permalink leads to the whole sentence)"},
	{Name: "quote_hant", Type: "string", Required: true, ZH: "同上，繁体", EN: "the same, Traditional"},
	{Name: "permalink_hans", Type: "string", Format: "uri", Required: true, ZH: "数字在报告中的位置，简体页面", EN: "the figure in its report, Simplified page"},
	{Name: "permalink_hant", Type: "string", Format: "uri", Required: true, ZH: "同上，繁体页面", EN: "the same, Traditional page"},
	{Name: "conflict", Type: "boolean", Required: true,
		ZH: "另一份报告对同一指标、学段与时期（level、span）、地区、年份和类型给出了不同的数时为 true",
		EN: "true when another report gives another value for the same indicator, scope (level and span), place, year and kind"},
	{Name: "label_flag", Type: "string", Enum: []string{"no-measure"},
		ZH: "标签没有说出所计何物（只有动词或没有字词）时为 no-measure：这样的数字保留在下载中，但不进入网站的表格和图表",
		EN: "no-measure when the label names nothing countable (a bare verb, no words at all): such figures are kept here but left out of the site's tables and charts"},
	{Name: "conflicts_with", Type: "string",
		ZH: "给出不同数值的其他报告中数字的编号（以空格分隔）", EN: "ids of the figures of other reports that give another value (space-separated)"},
	{Name: "level", Type: "string", Enum: []string{"preschool", "compulsory", "schools", "primary", "junior", "secondary", "high", "vocational", "higher", "special", "several"},
		ZH: "数字所计的学段：preschool（学前）、compulsory（义务教育）、schools（中小学）、primary（小学）、junior（初中）、secondary（中学）、high（普通高中）、vocational（职业教育）、higher（高等教育）、special（特殊教育）、several（句中说了几个学段）；报告没有说明为空。同一指标只有学段相同的数字才可比较",
		EN: "the level of schooling the figure counts at: preschool, compulsory, schools (primary and secondary), primary, junior, secondary, high (general senior secondary), vocational, higher, special, or several (the sentence names more than one); empty when the report does not say. Figures of one indicator compare only at the same level"},
	{Name: "span", Type: "string", Enum: []string{"years"},
		ZH: "数字是多年合计（累计、以上共、近三年、2022-2025年）时为 years；一年或一个时期的数为空",
		EN: "years when the figure is a total over several years (累计, 以上共, 近三年, 2022-2025年); empty for one year's or one period's"},
}

// sourceFields are the columns of sources.csv, one row per report.
var sourceFields = []field{
	{Name: "id", Type: "string", Required: true, ZH: "报告的编号（页面 /zh-hans/sources/<id>/）", EN: "id of the report (page /zh-hans/sources/<id>/)"},
	{Name: "title_hans", Type: "string", Required: true, ZH: "标题，简体", EN: "title, Simplified"},
	{Name: "title_hant", Type: "string", Required: true, ZH: "标题，繁体", EN: "title, Traditional"},
	{Name: "title_supplied", Type: "boolean", Required: true,
		ZH: "原文没有标题、标题由编者所拟时为 true", EN: "true when the report bore no title and the editor wrote it"},
	{Name: "kind", Type: "string", Required: true, ZH: "类型：news、compilation、self-evaluation、speech、interview、report、notice、other",
		EN: "kind: news, compilation, self-evaluation, speech, interview, report, notice, other"},
	{Name: "authors", Type: "string", ZH: "作者或出具机构，以“; ”分隔", EN: `authors or issuing body, separated by "; "`},
	{Name: "publisher", Type: "string", ZH: "发布者", EN: "publisher"},
	{Name: "publisher_place", Type: "string", ZH: "发布者所在地", EN: "where the publisher is"},
	{Name: "host", Type: "string", ZH: "副本取自的网站（不是发布者时）", EN: "the site the copy was taken from, when it is not the publisher"},
	{Name: "url", Type: "string", Format: "uri", ZH: "原文网址", EN: "where the original was found"},
	{Name: "published", Type: "string", ZH: "发布日期：YYYY-MM-DD、YYYY-MM 或 YYYY", EN: "publication date: YYYY-MM-DD, YYYY-MM or YYYY"},
	{Name: "retrieved", Type: "string", ZH: "取得副本的日期", EN: "when the copy was taken"},
	{Name: "covers_year", Type: "integer", ZH: "报告所涉的年份", EN: "the year the report is about"},
	{Name: "script", Type: "string", Required: true, Enum: []string{"hans", "hant", "mixed"}, ZH: "原文的文字：hans、hant 或 mixed", EN: "script of the original: hans, hant or mixed"},
	{Name: "format", Type: "string", Required: true, ZH: "收到的文件的格式（媒体类型）", EN: "format of the file as received (media type)"},
	{Name: "bytes", Type: "integer", Required: true, ZH: "收到的文件的大小（字节）", EN: "size of the file as received, in bytes"},
	{Name: "sha256", Type: "string", Required: true, ZH: "收到的文件的 SHA-256", EN: "SHA-256 of the file as received"},
	{Name: "original", Type: "string", Format: "uri", Required: true, ZH: "收到的文件，可下载核对", EN: "the file as received, to check against"},
	{Name: "page_hans", Type: "string", Format: "uri", Required: true, ZH: "本站整理的报告，简体", EN: "the portal's copy, Simplified"},
	{Name: "page_hant", Type: "string", Format: "uri", Required: true, ZH: "同上，繁体", EN: "the same, Traditional"},
	{Name: "licence", Type: "string", Required: true, ZH: "副本的权利状况", EN: "rights in the copy"},
}

// copyRights is what sources.csv says of every copy: the portal archives
// reports for checking; it does not license them.
const copyRights = "版权归原作者和发布者所有；本站存档仅供核对"

func columnNames(fs []field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

// excelSafe prefixes text cells that a spreadsheet would run as a formula
// (starting with =, +, -, @, a tab or a carriage return) with an
// apostrophe, as OWASP advises; typed columns are left alone (-5 in a
// number column is a number). Only the CSVs get this: JSON is not opened
// by spreadsheets.
func excelSafe(rec []string, fs []field) {
	for i, f := range fs {
		if f.Type == "string" && f.Format == "" && rec[i] != "" && strings.ContainsRune("=+-@\t\r", rune(rec[i][0])) {
			rec[i] = "'" + rec[i]
		}
	}
}

// tableSchema is a Frictionless Table Schema.
type tableSchema struct {
	Fields        []schemaField `json:"fields"`
	MissingValues []string      `json:"missingValues"`
	PrimaryKey    string        `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey  `json:"foreignKeys,omitempty"`
}

type schemaField struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Format      string       `json:"format,omitempty"`
	Description string       `json:"description"`
	Constraints *constraints `json:"constraints,omitempty"`
}

type constraints struct {
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

type foreignKey struct {
	Fields    string       `json:"fields"`
	Reference keyReference `json:"reference"`
}

type keyReference struct {
	Resource string `json:"resource"`
	Fields   string `json:"fields"`
}

func schemaOf(fs []field, primary string, keys ...foreignKey) tableSchema {
	s := tableSchema{MissingValues: []string{""}, PrimaryKey: primary, ForeignKeys: keys}
	for _, f := range fs {
		sf := schemaField{Name: f.Name, Type: f.Type, Format: f.Format, Description: f.ZH + " / " + f.EN}
		if f.Required || len(f.Enum) > 0 {
			sf.Constraints = &constraints{Required: f.Required, Enum: f.Enum}
		}
		s.Fields = append(s.Fields, sf)
	}
	return s
}

// readmeColumns lists fields for README.txt in one language.
func readmeColumns(b *strings.Builder, fs []field, en bool) {
	width := 0
	for _, f := range fs {
		width = max(width, len(f.Name))
	}
	for _, f := range fs {
		d := f.ZH
		if en {
			d = f.EN
		}
		b.WriteString(f.Name)
		b.WriteString(strings.Repeat(" ", width-len(f.Name)+2))
		b.WriteString("(" + f.Type + ") ")
		b.WriteString(d)
		b.WriteString("\n")
	}
}
