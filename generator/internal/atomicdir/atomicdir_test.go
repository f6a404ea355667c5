package atomicdir

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}

// Committing a stage puts it in the target's place, whether or not the
// target existed, and removes the previous version and the stage's name.
func TestCommitReplacesOrCreates(t *testing.T) {
	for _, existed := range []bool{false, true} {
		t.Run(fmt.Sprint("existed=", existed), func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "public")
			if existed {
				write(t, filepath.Join(target, "old.html"), "old")
			}
			stage, err := Stage(target)
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(stage, "new.html"), "new")
			if err := Commit(stage, target); err != nil {
				t.Fatal(err)
			}
			if got := read(filepath.Join(target, "new.html")); got != "new" {
				t.Errorf("new.html = %q", got)
			}
			if _, err := os.Stat(filepath.Join(target, "old.html")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the previous version's file is still there (%v)", err)
			}
			if _, err := os.Stat(stage); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the stage is still there (%v)", err)
			}
		})
	}
}

// A reader looking at the target while builds replace it always finds it:
// the exchange leaves no moment between "old gone" and "new in place".
func TestTargetNeverMissingDuringCommits(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	write(t, filepath.Join(target, "index.html"), "0")
	var stop atomic.Bool
	var missing atomic.Int64
	var wg sync.WaitGroup
	wg.Go(func() {
		for !stop.Load() {
			if _, err := os.Stat(filepath.Join(target, "index.html")); err != nil {
				missing.Add(1)
			}
		}
	})
	for i := 1; i <= 300; i++ {
		stage, err := Stage(target)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(stage, "index.html"), strconv.Itoa(i))
		if err := Commit(stage, target); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	if n := missing.Load(); n > 0 {
		t.Errorf("the target was missing %d times while it was being replaced", n)
	}
	if got := read(filepath.Join(target, "index.html")); got != "300" {
		t.Errorf("index.html = %q, want the last build's", got)
	}
}

// The next Stage removes what killed builds left (stages of processes that
// are gone, stages named before they carried a pid, the old two-rename
// swap's public.old) and leaves alone the stages of running processes.
func TestStageRemovesWhatDeadBuildsLeft(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no `true` to make a finished process:", err)
	}
	dead := cmd.Process.Pid
	leftovers := map[string]bool{ // name → should survive
		fmt.Sprintf(".public-new-%d-123", dead):       false,
		fmt.Sprintf(".public-new-%d-123.old", dead):   false,
		".public-new-2738451":                         false, // before stages carried a pid
		"public.old":                                  false,
		fmt.Sprintf(".public-new-%d-9", os.Getppid()): true, // a running process's
		fmt.Sprintf(".public-new-%d-9", os.Getpid()):  true, // this process's
		fmt.Sprintf(".other-new-%d-1", dead):          true, // another target's
		"notes":                                       true,
	}
	for name := range leftovers {
		write(t, filepath.Join(parent, name, "index.html"), "x")
	}
	if _, err := Stage(target); err != nil {
		t.Fatal(err)
	}
	for name, keep := range leftovers {
		_, err := os.Stat(filepath.Join(parent, name))
		if gone := errors.Is(err, os.ErrNotExist); gone == keep {
			t.Errorf("%s: gone=%v, want kept=%v", name, gone, keep)
		}
	}
}

// SIGTERM or SIGINT during a build removes its stage and ends the process
// with the signal's status.
func TestSignalRemovesStage(t *testing.T) {
	if dir := os.Getenv("ATOMICDIR_HELPER_TARGET"); dir != "" {
		stage, err := Stage(dir)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		os.WriteFile(filepath.Join(stage, "half.html"), []byte("half"), 0o644)
		fmt.Println(stage)
		time.Sleep(time.Minute)
		os.Exit(4)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "public")
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesStage$")
			cmd.Env = append(os.Environ(), "ATOMICDIR_HELPER_TARGET="+target)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			stage := line[:len(line)-1]
			if _, err := os.Stat(filepath.Join(stage, "half.html")); err != nil {
				t.Fatalf("the helper's stage %q is not there: %v", stage, err)
			}
			cmd.Process.Signal(sig)
			err = cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 128+int(sig) {
				t.Errorf("helper ended with %v, want status %d", err, 128+int(sig))
			}
			if _, err := os.Stat(stage); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the stage survived %v (%v)", sig, err)
			}
		})
	}
}
