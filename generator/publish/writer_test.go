package publish

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// A second build writes only what changed, removes what it no longer
// produces (and the folders that leaves empty), and leaves alone what is
// outside the folders publish owns.
func TestWriterRewritesChangedAndRemovesStale(t *testing.T) {
	root := t.TempDir()
	build := func(batches ...Files) (written, removed int) {
		t.Helper()
		w, err := NewWriter(root, []string{"content", "data/generated"})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for _, b := range batches {
			wg.Go(func() {
				for rel, data := range b {
					if err := w.WriteFile(rel, data); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		written, removed, err = w.Finish()
		if err != nil {
			t.Fatal(err)
		}
		return written, removed
	}
	if err := os.MkdirAll(filepath.Join(root, "data", "sources"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "data", "sources", "keep.txt"), []byte("editor's"), 0o644); err != nil {
		t.Fatal(err)
	}

	w, r := build(
		Files{"content/zh-hans/a.md": []byte("a"), "content/zh-hans/old/b.md": []byte("b")},
		Files{"data/generated/x.json": []byte("{}")},
	)
	if w != 3 || r != 0 {
		t.Fatalf("first build: written %d removed %d, want 3 0", w, r)
	}
	unchanged := filepath.Join(root, "content/zh-hans/a.md")
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(unchanged, past, past); err != nil {
		t.Fatal(err)
	}

	w, r = build(
		Files{"content/zh-hans/a.md": []byte("a")},
		Files{"data/generated/x.json": []byte("{\"n\":1}")},
	)
	if w != 1 || r != 1 {
		t.Fatalf("second build: written %d removed %d, want 1 1", w, r)
	}
	if fi, err := os.Stat(unchanged); err != nil || !fi.ModTime().Equal(past) {
		t.Errorf("an unchanged file was rewritten (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content/zh-hans/old")); !os.IsNotExist(err) {
		t.Errorf("the emptied folder is still there (%v)", err)
	}
	if b, err := os.ReadFile(filepath.Join(root, "data/generated/x.json")); err != nil || string(b) != `{"n":1}` {
		t.Errorf("x.json = %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(root, "data", "sources", "keep.txt")); err != nil {
		t.Errorf("a file outside the owned folders was touched: %v", err)
	}
}
