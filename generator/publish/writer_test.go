package publish

import (
	"os"
	"path/filepath"
	"strings"
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

// A build that fails while writing leaves the tree exactly as the last
// good build left it: no file rewritten, none removed, no stage behind.
func TestWriterFailureLeavesTreeIntact(t *testing.T) {
	root := t.TempDir()
	owned := []string{"content", "data/generated"}
	w, err := NewWriter(root, owned)
	if err != nil {
		t.Fatal(err)
	}
	for rel, text := range map[string]string{"content/a.md": "a", "content/b.md": "b", "data/generated/observations.json": "[1]"} {
		if err := w.WriteFile(rel, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	before := treeOf(t, root)

	w, err = NewWriter(root, owned)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteFile("data/generated/observations.json", []byte("[2]")); err != nil {
		t.Fatal(err)
	}
	w.WriteFile("content/new.md", []byte("file"))
	// A file where the build then needs a folder: the write fails.
	if err := w.WriteFile("content/new.md/child.md", []byte("x")); err == nil {
		t.Fatal("writing under a file succeeded")
	}
	w.Abort()
	if after := treeOf(t, root); after != before {
		t.Errorf("a failed build changed the tree:\nbefore %s\nafter  %s", before, after)
	}
}

// treeOf lists every file and folder under root with its contents.
func treeOf(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		b.WriteString(rel)
		if !d.IsDir() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			b.WriteString("=" + string(data))
		}
		b.WriteString(" ")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Tasks that fail on the same folder report it once, not once per task.
func TestJoinDistinctReportsEachErrorOnce(t *testing.T) {
	perm := &os.PathError{Op: "mkdir", Path: "content/zh-hans/sources", Err: os.ErrPermission}
	again := &os.PathError{Op: "mkdir", Path: "content/zh-hans/sources", Err: os.ErrPermission}
	other := &os.PathError{Op: "open", Path: "data/generated/observations.json", Err: os.ErrPermission}
	err := joinDistinct([]error{perm, nil, again, other, perm})
	if err == nil {
		t.Fatal("no error")
	}
	if got := strings.Count(err.Error(), "\n") + 1; got != 2 {
		t.Errorf("%d lines, want 2:\n%v", got, err)
	}
	if joinDistinct([]error{nil, nil}) != nil {
		t.Error("an error from no errors")
	}
}
