package pipeline

import (
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/source"
)

// A correction that restores nothing is an error naming its line; one that
// restored a span, or whose span is in a line the cleaner removed, is not.
func TestCheckCorrections(t *testing.T) {
	doc := clean.Clean("标题行在此\n推进学(xué)?;A(chǔ)能力建设。\n", clean.Options{SourceID: "r", Corrections: []clean.Correction{{Source: "r", Damaged: "?;A(chǔ)", Restored: "校基础", Note: "n"}}})
	doc.Edits = append(doc.Edits, clean.Edit{Kind: "clutter", Line: 9, Before: "版权所有 请与我们取?nèi)〉寐?lián)系", After: ""})
	reports := []Report{{Source: source.Report{ID: "r"}, Doc: doc}}
	for _, tc := range []struct {
		name string
		c    clean.Correction
		want string // "" for no error
	}{
		{"applied", clean.Correction{Source: "r", Damaged: "?;A(chǔ)", Line: 3}, ""},
		{"in a removed line", clean.Correction{Source: "r", Damaged: "?nèi)〉寐?lián)", Line: 8}, ""},
		{"unknown source", clean.Correction{Source: "nobody", Damaged: "?;A(chǔ)", Line: 13}, "c.yaml:13: correction for nobody, which is not a report"},
		{"matches nothing", clean.Correction{Source: "r", Damaged: "?;A(chu)", Line: 21}, `c.yaml:21: correction of "?;A(chu)" matches no damaged span of r`},
	} {
		err := CheckCorrections("c.yaml", []clean.Correction{tc.c}, reports)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}
