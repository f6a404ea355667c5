package site

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A checkout with changes the commit lacks is cited as "<commit>-dirty",
// not as the commit; a clean one as the commit.
func TestCurrentVersionSaysWhenTheTreeIsDirty(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	t.Setenv("COMMIT_REF", "")
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.org"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a"), 0o644)
	git("add", "a.txt")
	git("commit", "-q", "-m", "first")
	v := CurrentVersion(dir)
	if v.Commit == "" || v.Dirty || strings.HasSuffix(v.params()["HUGO_PARAMS_SITECOMMITSHORT"], "-dirty") {
		t.Fatalf("clean checkout: %+v", v)
	}
	for name, change := range map[string]func(){
		"changed file": func() { os.WriteFile(filepath.Join(dir, "a.txt"), []byte("b"), 0o644) },
		"new file":     func() { os.WriteFile(filepath.Join(dir, "b.txt"), []byte("b"), 0o644) },
	} {
		change()
		v := CurrentVersion(dir)
		p := v.params()
		if !v.Dirty || p["HUGO_PARAMS_SITECOMMITSHORT"] != v.Commit[:12]+"-dirty" || p["HUGO_PARAMS_SITECOMMIT"] != v.Commit+"-dirty" {
			t.Errorf("%s: %+v gives %v", name, v, p)
		}
		git("checkout", "-q", "--", ".")
		git("clean", "-q", "-f")
	}
}
