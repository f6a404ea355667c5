package extract

// Passage cues: a paragraph that opens with one of these announces what
// follows (下一步工作目标和举措, 下半年续航) or looks back (上半年回顾).
var (
	planOpeners = []string{"下一步", "今后", "下半年", "工作打算", "目标和举措", "展望", "未来五年", "未来三年"}
	pastOpeners = []string{"上半年", "回顾", "过去", "一年来", "今年以来"}
)

// passageReach is how far into a paragraph a passage cue must stand: a
// heading or the lead-in of the first sentence, not a remark in passing.
const passageReach = 20

// ExtractAll extracts a report's paragraphs, given in reading order. Beyond
// Extract, it carries the passage a paragraph belongs to: after a paragraph
// that opens with plans (在谈及下一步工作目标和举措时…, 下半年续航), figures
// stated without a cue of their own are targets, with the opener as cue,
// until a paragraph opens by looking back (上半年回顾). An interview's list
// of measures reads as achievements sentence by sentence; only the passage
// says they are promises.
func (r *Registry) ExtractAll(ins []Input) []Observation {
	var out []Observation
	plan := ""
	for _, in := range ins {
		obs := r.Extract(in)
		if plan != "" {
			for i := range obs {
				if obs[i].Kind == KindActual && obs[i].Cue == "" {
					obs[i].Kind, obs[i].Cue = KindTarget, plan
				}
			}
		}
		out = append(out, obs...)
		f := r.foldRunes(in.Text)
		head := f
		if len(head) > passageReach {
			head = head[:passageReach]
		}
		if w, at := firstOf(head, pastOpeners); w != "" {
			_ = at
			plan = ""
		} else if w, at := firstOf(head, planOpeners); w != "" {
			plan = string([]rune(in.Text)[at : at+len([]rune(w))])
		}
	}
	return out
}

// firstOf returns the first of words found in f and its offset.
func firstOf(f []rune, words []string) (string, int) {
	best, at := "", -1
	for _, w := range words {
		wr := []rune(w)
		for i := 0; i+len(wr) <= len(f); i++ {
			if hasRunes(f, i, wr) {
				if at < 0 || i < at {
					best, at = w, i
				}
				break
			}
		}
	}
	return best, at
}
