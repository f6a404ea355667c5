package pipeline

import (
	"errors"
	"fmt"
	"strings"

	"github.com/eduportal/portal/generator/clean"
)

// CheckCorrections fails when an editor's correction matches nothing: its
// source is no report, or its damaged text is neither a damaged span of
// that report (a typo, or a span the cleaner now cuts differently) nor
// inside a line the cleaner removed (editors restore those too, for the
// record). Such an entry used to be ignored without a word, leaving the
// span marked damaged. path names corrections.yaml in the errors, each
// with the entry's line.
func CheckCorrections(path string, corr []clean.Correction, reports []Report) error {
	byID := map[string]*Report{}
	applied := map[[2]string]bool{} // source, damaged
	for i := range reports {
		r := &reports[i]
		byID[r.Source.ID] = r
		for _, e := range r.Doc.Edits {
			if e.Kind == "correction" {
				applied[[2]string{r.Source.ID, e.Before}] = true
			}
		}
	}
	inRemovedLine := func(r *Report, damaged string) bool {
		for _, e := range r.Doc.Edits {
			if e.After == "" && strings.Contains(e.Before, damaged) {
				return true
			}
		}
		return false
	}
	var problems []string
	for _, c := range corr {
		r := byID[c.Source]
		switch {
		case r == nil:
			problems = append(problems, fmt.Sprintf("%s:%d: correction for %s, which is not a report in data/sources", path, c.Line, c.Source))
		case !applied[[2]string{c.Source, c.Damaged}] && !inRemovedLine(r, c.Damaged):
			problems = append(problems, fmt.Sprintf("%s:%d: correction of %q matches no damaged span of %s (the report's edit log lists its spans as the cleaner cuts them)", path, c.Line, c.Damaged, c.Source))
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}
