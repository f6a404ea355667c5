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

// Reader extracts a report's paragraphs one by one, in reading order, and
// carries the passage they belong to: after a paragraph that opens with
// plans (在谈及下一步工作目标和举措时…, 下半年续航), figures stated without a
// cue of their own are targets, with the opener as cue, until a paragraph
// opens by looking back (上半年回顾). An interview's list of measures reads
// as achievements sentence by sentence; only the passage says they are
// promises. Use one Reader per report; Registry.Extract is the same without
// the passage.
type Reader struct {
	r       *Registry
	plan    string
	scratch scratch
	folded  []rune
}

// NewReader starts reading a report.
func (r *Registry) NewReader() *Reader { return &Reader{r: r} }

// Extract extracts the next paragraph of the report.
func (rd *Reader) Extract(in Input) []Observation {
	f := rd.r.appendFolded(rd.folded, in.Text, in.Folded)
	rd.folded = f
	head := f
	if len(head) > passageReach {
		head = head[:passageReach]
	}
	if w, _ := firstOf(head, pastOpeners); w != "" {
		rd.plan = ""
	} else if w, at := firstOf(head, planOpeners); w != "" {
		rd.plan = string([]rune(in.Text)[at : at+len([]rune(w))])
	}
	obs := rd.r.extractWith(in, f, &rd.scratch)
	if rd.plan != "" {
		for i := range obs {
			if obs[i].Kind == KindActual && obs[i].Cue == "" {
				obs[i].Kind, obs[i].Cue = KindTarget, rd.plan
			}
		}
	}
	return obs
}

// ExtractAll extracts a report's paragraphs, given in reading order, with
// a Reader.
func (r *Registry) ExtractAll(ins []Input) []Observation {
	rd := r.NewReader()
	var out []Observation
	for _, in := range ins {
		out = append(out, rd.Extract(in)...)
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
