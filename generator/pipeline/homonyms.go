package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
)

// separateHomonyms gives places outside the gazetteer that share a slug but
// not a name each a slug of its own. Such a place's slug is the toneless
// pinyin of its name (place.ownSlug), which two names can share (火星市 and
// 火性市 are both huoxingshi; ！！！ and ？？？ have no pinyin and are both
// "place"): without this they would share one page, each's figures shown
// as the other's. Every place of such a group gets its slug followed by
// the first hex digits of its name's SHA-256 — the same whatever other
// reports there are in the group or in which order — and a place
// whose slug no other name shares keeps its plain slug. Gazetteer places
// never share a slug (place.Load refuses that).
func separateHomonyms(reports []Report) {
	names := map[string]map[string]bool{} // code → names
	note := func(p *Place) {
		if p == nil || p.Kind == "" {
			return
		}
		if names[p.Code] == nil {
			names[p.Code] = map[string]bool{}
		}
		names[p.Code][p.Name] = true
	}
	for ri := range reports {
		r := &reports[ri]
		for i := range r.Places {
			note(&r.Places[i])
		}
		for i := range r.Paragraphs {
			note(r.Paragraphs[i].Place)
		}
		for i := range r.Figures {
			note(r.Figures[i].Place)
		}
	}
	type key struct{ code, name string }
	renamed := map[key]string{} // → suffix
	for _, code := range slices.Sorted(maps.Keys(names)) {
		if len(names[code]) < 2 {
			continue
		}
		for name := range names[code] {
			sum := sha256.Sum256([]byte(name))
			renamed[key{code, name}] = "-" + hex.EncodeToString(sum[:4])
		}
	}
	if len(renamed) == 0 {
		return
	}
	rename := func(p *Place) {
		if p == nil || p.Kind == "" {
			return
		}
		if suffix, ok := renamed[key{p.Code, p.Name}]; ok {
			p.Code += suffix
			p.Path += suffix
		}
	}
	for ri := range reports {
		r := &reports[ri]
		for i := range r.Places {
			rename(&r.Places[i])
		}
		// A paragraph's place and its figures' may be one value or, from
		// the cache, copies: each is renamed once, by its old code.
		seen := map[*Place]bool{}
		for i := range r.Paragraphs {
			if p := r.Paragraphs[i].Place; p != nil && !seen[p] {
				seen[p] = true
				rename(p)
			}
		}
		for i := range r.Figures {
			o := &r.Figures[i]
			if o.Place != nil && !seen[o.Place] {
				seen[o.Place] = true
				rename(o.Place)
			}
			if suffix, ok := renamed[key{o.PlaceCode, o.PlaceName}]; ok {
				o.PlaceCode += suffix
			}
		}
		for i := range r.Raw {
			pr := &r.Raw[i].Place
			if suffix, ok := renamed[key{pr.Code, pr.Name}]; ok {
				pr.Code += suffix
			}
		}
	}
}
