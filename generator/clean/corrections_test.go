package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadCorrections(t *testing.T) {
	tests := []struct {
		name, yaml, err string
		n               int
	}{
		{"good", "- source: a\n  damaged: \"?\"\n  restored: 字\n  note: why\n", "", 1},
		{"empty file", "", "", 0},
		{"unknown field", "- source: a\n  damaged: \"?\"\n  restored: 字\n  note: why\n  restord: x\n", "line 5", 0},
		{"missing note", "- source: a\n  damaged: \"?\"\n  restored: 字\n", "corrections.yaml:1: correction 1 has no note", 0},
		{"duplicate", "- {source: a, damaged: \"?\", restored: 字, note: n}\n- {source: a, damaged: \"?\", restored: 子, note: n}\n", "corrections.yaml:2:", 0},
		{"not a list", "source: a\n", "corrections.yaml", 0},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "corrections.yaml")
		if err := os.WriteFile(path, []byte(tt.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := LoadCorrections(path)
		switch {
		case tt.err == "" && (err != nil || len(got) != tt.n):
			t.Errorf("%s: got %d, %v", tt.name, len(got), err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.err)
		}
	}
	if _, err := LoadCorrections(filepath.Join(t.TempDir(), "none.yaml")); err == nil || !strings.Contains(err.Error(), "none.yaml is missing") {
		t.Errorf("missing file: %v, want an error naming it", err)
	}
}

func TestApplyCorrection(t *testing.T) {
	corr := []Correction{{Source: "s", Damaged: "?;A(chǔ)", Restored: "校基礎", Note: "context"}}
	d := Clean("標題行在此\n推進學(xué)?;A(chǔ)能力建設。", Options{SourceID: "s", Corrections: corr})
	p := d.Paragraphs[0]
	if p.Text != "推進學校基礎能力建設。" || len(p.Spans) != 1 || p.Spans[0] != (Span{Start: 3, End: 6, Kind: "corrected", Original: "?;A(chǔ)", Note: "context"}) {
		t.Errorf("got %+v", p)
	}
	// a correction for another source does not apply
	d = Clean("標題行在此\n推進學(xué)?;A(chǔ)能力建設。", Options{SourceID: "other", Corrections: corr})
	if s := d.Paragraphs[0].Spans; len(s) != 1 || s[0].Kind != "damaged" {
		t.Errorf("got %+v", d.Paragraphs[0])
	}
}
