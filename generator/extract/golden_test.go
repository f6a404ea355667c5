package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the extractor's output")

// TestGoldenOutput keeps the full output for every report of the corpus in
// testdata/<id>.golden.json, so that a change of rules shows as a diff of
// figures. These files are the extractor's output, not the gold set.
func TestGoldenOutput(t *testing.T) {
	r := loadTestRegistry(t)
	for _, cs := range corpus {
		obs := []Observation{}
		obs = append(obs, r.ExtractAll(corpusInputs(t, cs))...)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(obs); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", cs.id+".golden.json")
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(want, buf.Bytes()) {
			t.Errorf("%s: output differs from %s (run go test -run TestGoldenOutput -update and review the diff)", cs.id, path)
		}
	}
}
