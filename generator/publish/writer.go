package publish

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/eduportal/portal/generator/internal/atomicdir"
)

// Writer writes a build's files under root as publish emits them,
// rewriting only files whose bytes changed, and at the end removes every
// other file under the generator's own folders.
//
// Nothing under root changes until every file has been written: a changed
// file is written into a stage beside the tree (".publish-new-<pid>-…"),
// and Finish moves the staged files into place, one rename each, and only
// then removes stale files. A build that fails while writing (a full disk,
// a folder it may not write) calls Abort, and the tree is as it was.
type Writer struct {
	root  string
	owned []string
	stage string
	// existing holds the files under owned before the build (relative to
	// root), listed before anything is written: only those can be
	// unchanged, so a new file is written without looking first.
	existing map[string]bool

	mu       sync.Mutex
	produced map[string]bool
	staged   []string // changed files, relative to root, waiting in stage
	dirs     map[string]*madeDir
	written  atomic.Int64
}

// madeDir is a folder created once, by whichever file needs it first.
type madeDir struct {
	once sync.Once
	err  error
}

// NewWriter lists the files under root's owned folders, while they hold
// only the previous build's files (none on a first build).
func NewWriter(root string, owned []string) (*Writer, error) {
	w := &Writer{root: root, owned: owned, existing: map[string]bool{}, produced: map[string]bool{}, dirs: map[string]*madeDir{}}
	for _, dir := range owned {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if !d.IsDir() {
				rel, err := filepath.Rel(root, path)
				if err != nil {
					return err
				}
				w.existing[rel] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	stage, err := atomicdir.Stage(filepath.Join(root, "publish"))
	if err != nil {
		return nil, err
	}
	w.stage = stage
	return w, nil
}

// WriteFile stages data for rel (relative to root) unless the file already
// holds it. It does not keep data, and it may be called from several
// goroutines at once.
func (w *Writer) WriteFile(rel string, data []byte) error {
	rel = filepath.Clean(rel)
	w.mu.Lock()
	w.produced[rel] = true
	existed := w.existing[rel]
	w.mu.Unlock()
	if existed && unchanged(filepath.Join(w.root, rel), data) {
		return nil
	}
	path := filepath.Join(w.stage, rel)
	if err := w.makeDir(filepath.Dir(path)); err != nil {
		return err
	}
	if err := writeFile(path, data); err != nil {
		return err
	}
	w.mu.Lock()
	w.staged = append(w.staged, rel)
	w.mu.Unlock()
	w.written.Add(1)
	return nil
}

// makeDir makes dir and the folders above it that are missing, each once
// however many files need it. A parent is looked at only when dir cannot be
// made, which on a first build is once per folder, not once per file.
func (w *Writer) makeDir(dir string) error {
	w.mu.Lock()
	made := w.dirs[dir]
	if made == nil {
		made = &madeDir{}
		w.dirs[dir] = made
	}
	w.mu.Unlock()
	made.once.Do(func() {
		err := os.Mkdir(dir, 0o755)
		if parent := filepath.Dir(dir); errors.Is(err, fs.ErrNotExist) && parent != dir {
			if err = w.makeDir(parent); err == nil {
				err = os.Mkdir(dir, 0o755)
			}
		}
		if errors.Is(err, fs.ErrExist) {
			if fi, statErr := os.Stat(dir); statErr == nil && fi.IsDir() {
				err = nil
			}
		}
		made.err = err
	})
	return made.err
}

// Finish moves the staged files into place, removes the files the build
// did not produce and the folders it left empty, and says how many files
// were written and removed.
func (w *Writer) Finish() (written, removed int, err error) {
	defer atomicdir.Remove(w.stage)
	sort.Strings(w.staged)
	for _, rel := range w.staged {
		path := filepath.Join(w.root, rel)
		if err := w.makeDir(filepath.Dir(path)); err != nil {
			return 0, 0, err
		}
		if err := os.Rename(filepath.Join(w.stage, rel), path); err != nil {
			return 0, 0, err
		}
	}
	stale := make([]string, 0, len(w.existing))
	for rel := range w.existing {
		if !w.produced[rel] {
			stale = append(stale, rel)
		}
	}
	sort.Strings(stale)
	for _, rel := range stale {
		if err := os.Remove(filepath.Join(w.root, rel)); err != nil {
			return int(w.written.Load()), removed, err
		}
		removed++
	}
	if removed > 0 {
		for _, dir := range w.owned {
			removeEmptyDirs(filepath.Join(w.root, dir))
		}
	}
	return int(w.written.Load()), removed, nil
}

// Abort drops what the build staged; the tree under root is untouched.
func (w *Writer) Abort() { atomicdir.Remove(w.stage) }

// unchanged reports whether the file at path already holds data; the size
// is compared first, so most changed files are not read.
func unchanged(path string, data []byte) bool {
	fi, err := os.Stat(path)
	if err != nil || fi.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

func removeEmptyDirs(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() {
			removeEmptyDirs(filepath.Join(dir, e.Name()))
		}
	}
	if entries, _ = os.ReadDir(dir); len(entries) == 0 {
		os.Remove(dir)
	}
}
