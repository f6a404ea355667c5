package place

import (
	"fmt"
	"strings"
	"unicode"
)

// anonymised reports whether a name was masked before publication: it
// contains XX (or ×× / ＸＸ), the usual mark of document-sharing sites.
func anonymised(name string) bool {
	n := strings.ToUpper(strings.NewReplacer("×", "X", "Ｘ", "X", "ｘ", "X").Replace(name))
	return strings.Contains(n, "XX")
}

// reportPlaces resolves meta.yaml's places, widest first. Each name must
// be a gazetteer name under the previous real place; a masked name, or a
// name under a masked one, is anonymised; any other name the gazetteer does
// not know (or cannot tell apart) is kept as unlisted, with a warning.
func (g *Gazetteer) reportPlaces(names []string, warn *[]string) []Ref {
	var out []Ref
	var prev *Ref
	for _, name := range names {
		name = strings.TrimSpace(name)
		if isNational(name) {
			out = append(out, g.National())
			prev = &out[len(out)-1]
			continue
		}
		if anonymised(name) || prev != nil && prev.Anonymised {
			full := name
			if !anonymised(name) && prev != nil {
				full = prev.Name + name // 城乡一体化示范区 under XX市
			}
			out = append(out, g.ownPlace(full, true))
			prev = &out[len(out)-1]
			continue
		}
		// A name is looked for under the narrowest place listed before it
		// that holds one of its candidates: places written side by side
		// (保定市, 徐水区, 满城区; 香港, 南區, 九龍城) are each under the place
		// that holds them all, not under their neighbour.
		cands := g.Lookup(name)
		for k := len(out) - 1; k >= 0; k-- {
			if out[k].Unlisted || out[k].Anonymised {
				continue
			}
			var in []string
			for _, c := range cands {
				if g.Within(c, out[k].Code) {
					in = append(in, c)
				}
			}
			if len(in) > 0 || k == 0 {
				cands = in
				break
			}
		}
		if len(cands) > 1 {
			cands = g.sameLevelAsSibling(cands, out)
		}
		switch len(cands) {
		case 1:
			out = append(out, g.ref(cands[0]))
		case 0:
			*warn = append(*warn, fmt.Sprintf("report: place %q is not in the gazetteer (under %s): kept as unlisted", name, refName(prev)))
			out = append(out, g.ownPlace(name, false))
		default:
			*warn = append(*warn, fmt.Sprintf("report: place %q is ambiguous (%s): kept as unlisted; give the full name in meta.yaml", name, g.describe(cands)))
			out = append(out, g.ownPlace(name, false))
		}
		prev = &out[len(out)-1]
	}
	return out
}

// sameLevelAsSibling keeps, of a name's candidates, those of the level of
// the last gazetteer place listed before it that holds none of them — a
// sibling in a list (天津市, 吉林: the province, not the city) — when that
// leaves one; else all of them.
func (g *Gazetteer) sameLevelAsSibling(cands []string, before []Ref) []string {
	for k := len(before) - 1; k >= 0; k-- {
		sib := before[k]
		if sib.Unlisted || sib.Anonymised {
			continue
		}
		var same []string
		for _, c := range cands {
			if g.Within(c, sib.Code) {
				return cands // an ancestor, not a sibling
			}
			if p, ok := g.Place(c); ok && p.Level == sib.Level {
				same = append(same, c)
			}
		}
		if len(same) == 1 {
			return same
		}
		return cands
	}
	return cands
}

func refName(r *Ref) string {
	if r == nil {
		return "the whole country"
	}
	return r.Name
}

// ownPlace makes the Ref of an anonymised or unlisted place.
func (g *Gazetteer) ownPlace(name string, anon bool) Ref {
	slug := ownSlug(name)
	r := Ref{Name: name, NameHant: name, Level: suffixLevel(name)}
	if g.toHant != nil {
		r.NameHant = g.toHant(name)
	}
	if anon {
		r.Code, r.Path, r.Anonymised = "x-"+slug, "anonymised/"+slug, true
	} else {
		r.Code, r.Path, r.Unlisted = "u-"+slug, "unlisted/"+slug, true
	}
	return r
}

// suffixLevel guesses the level of a place outside the gazetteer from its
// name; "" when the name does not say.
func suffixLevel(name string) string {
	switch {
	case strings.HasSuffix(name, "省"), strings.HasSuffix(name, "自治区"):
		return LevelProvince
	case strings.HasSuffix(name, "县"), strings.HasSuffix(name, "旗"):
		return LevelCounty
	case strings.HasSuffix(name, "开发区"), strings.HasSuffix(name, "示范区"), strings.HasSuffix(name, "新区"), strings.HasSuffix(name, "园区"):
		return LevelZone
	case strings.HasSuffix(name, "区"):
		return LevelDistrict
	case strings.HasSuffix(name, "州"), strings.HasSuffix(name, "盟"), strings.HasSuffix(name, "地区"):
		return LevelPrefecture
	case strings.HasSuffix(name, "市"):
		return LevelPrefecture // or county-level: the name cannot say
	}
	return ""
}

// ownSlug is the URL segment of a place outside the gazetteer: Latin runs
// lowercased, Han runs in pinyin, with a hyphen between them and after an
// administrative character that ends a name inside the name:
// XX市城乡一体化示范区 → xx-shi-chengxiangyitihuashifanqu.
func ownSlug(name string) string {
	var segs []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			if s := Pinyin(string(cur)); s != "" {
				segs = append(segs, s)
			}
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	latin := false
	for i, r := range rs {
		isLatin := r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) || strings.ContainsRune("×ＸｘX", r)
		if isLatin {
			r = 'x'
			if rs[i] < unicode.MaxASCII {
				r = unicode.ToLower(rs[i])
			}
		}
		if isLatin != latin {
			flush()
			latin = isLatin
		}
		if isLatin {
			cur = append(cur, r)
			continue
		}
		cur = append(cur, r)
		if strings.ContainsRune("省市县区州盟旗", r) && i+1 < len(rs) && unicode.Is(unicode.Han, rs[i+1]) && i > 0 && !unicode.Is(unicode.Han, rs[i-1]) {
			flush()
		}
	}
	flush()
	if len(segs) == 0 {
		return "place"
	}
	return strings.Join(segs, "-")
}
