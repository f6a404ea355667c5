// Package site runs Hugo, in-process, over the generated content, and
// swaps the result into public/ only when the whole build succeeded, so a
// failed build never leaves a half-written site where the last good one was.
package site

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/gohugoio/hugo/commands"

	"github.com/eduportal/portal/generator/internal/atomicdir"
)

// hugoMu serialises Hugo runs: Hugo's command layer changes process-wide
// settings (GOMAXPROCS, environment lookups), so two runs must not overlap.
var hugoMu sync.Mutex

// Options for one Hugo run.
type Options struct {
	Root    string // repository root (holds hugo.toml)
	BaseURL string // "" keeps hugo.toml's
	Version Version
	// Diagnose are Hugo flags for finding what makes a build slow
	// (--templateMetrics, --profile-cpu FILE); Hugo is not quiet then.
	Diagnose []string
}

// Version identifies what a built site was built from, so that a cited
// figure can be checked as it was: the commit, its date, and on Netlify the
// deploy's own permanent URL.
type Version struct {
	Commit    string // full commit hash, or "" outside a git checkout
	Date      string // the commit's date, YYYY-MM-DD
	DeployURL string // Netlify's DEPLOY_URL, when built there
	// Dirty: the checkout differs from Commit (changed or new files), so
	// the site is not what Commit holds and says so ("…-dirty").
	Dirty bool
}

// params are handed to Hugo as site parameters (site.Params.sitecommit …).
func (v Version) params() map[string]string {
	full, short := v.Commit, v.Commit
	if len(short) > 12 {
		short = short[:12]
	}
	if v.Dirty && v.Commit != "" {
		full, short = full+"-dirty", short+"-dirty"
	}
	return map[string]string{
		"HUGO_PARAMS_SITECOMMIT":      full,
		"HUGO_PARAMS_SITECOMMITSHORT": short,
		"HUGO_PARAMS_SITEDATE":        v.Date,
		"HUGO_PARAMS_DEPLOYURL":       v.DeployURL,
	}
}

// Render builds the site into dest, which must not exist yet.
func Render(opt Options, dest string) error {
	args := []string{"build", "--source", opt.Root, "--destination", dest, "--minify",
		"--noBuildLock", "--cacheDir", filepath.Join(os.TempDir(), "eduportal-hugo-cache")}
	if opt.BaseURL != "" {
		args = append(args, "--baseURL", opt.BaseURL)
	}
	if len(opt.Diagnose) > 0 {
		args = append(args, opt.Diagnose...)
		return runHugo(args, opt.Version.params())
	}
	// Not --quiet: that discards Hugo's error messages too, leaving only
	// "logged 10 error(s)". Hugo's summary goes to stdout, which is
	// discarded; its log (errors and warnings only) is captured and handed
	// back with the error, naming the template, line and what is wrong.
	args = append(args, "--logLevel", "warn")
	var log []byte
	err := withOutput(&log, func() error { return runHugo(args, opt.Version.params()) })
	if err != nil {
		if msg := strings.TrimSpace(string(log)); msg != "" {
			return fmt.Errorf("%w\n%s", err, msg)
		}
		return err
	}
	os.Stderr.Write(log) // warnings
	return nil
}

// withOutput runs f with the process's stdout discarded and its stderr
// collected into log.
func withOutput(log *[]byte, f func() error) error {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer null.Close()
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	done := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		r.Close()
		done <- b
	}()
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = null, w
	// Restored even if Hugo panics, so the panic is seen.
	defer func() {
		os.Stdout, os.Stderr = stdout, stderr
		w.Close()
		*log = <-done
	}()
	return f()
}

// Build renders the site into a stage beside public and, when check (may
// be nil) accepts it, puts it in public's place in one rename. It refuses a
// public that CheckTarget refuses, before anything is built.
func Build(opt Options, public string, check func(dir string) error) error {
	if err := CheckTarget(opt.Root, public); err != nil {
		return err
	}
	tmp, err := atomicdir.Stage(public)
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			atomicdir.Remove(tmp)
		}
	}()
	if err := Render(opt, tmp); err != nil {
		return fmt.Errorf("hugo: %w (public/ left as it was)", err)
	}
	if err := writeMarker(tmp); err != nil {
		return err
	}
	if check != nil {
		if err := check(tmp); err != nil {
			return fmt.Errorf("the new site failed its checks (public/ left as it was):\n%w", err)
		}
	}
	ok = true
	return atomicdir.Commit(tmp, public)
}

// CurrentVersion reads the checkout's commit with git, preferring Netlify's
// COMMIT_REF, and whether the checkout has changes the commit lacks. Without git it returns an empty Version: the site then says
// so rather than inventing one.
func CurrentVersion(root string) Version {
	v := Version{Commit: os.Getenv("COMMIT_REF"), DeployURL: os.Getenv("DEPLOY_URL")}
	if v.Commit == "" {
		if out, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output(); err == nil {
			v.Commit = strings.TrimSpace(string(out))
		}
	}
	if v.Commit != "" {
		if out, err := exec.Command("git", "-C", root, "log", "-1", "--format=%cs", v.Commit).Output(); err == nil {
			v.Date = strings.TrimSpace(string(out))
		}
		// Ignored files (public/, .cache/) are not the site's inputs.
		if out, err := exec.Command("git", "-C", root, "status", "--porcelain").Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
			v.Dirty = true
		}
	}
	return v
}

// Serve runs Hugo's development server with live reload on the
// repository, behind a proxy on port that sends netlify.toml's headers
// (see HeaderRules): Hugo listens on a free port of its own, and the pages
// it renders link to, and reload through, the proxy's port.
func Serve(opt Options, port int) error {
	rules, err := LoadHeaderRules(filepath.Join(opt.Root, "netlify.toml"))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return err
	}
	inner, err := freePort()
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{Handler: rules.Proxy(&url.URL{Scheme: "http", Host: fmt.Sprintf("127.0.0.1:%d", inner)})}
	go srv.Serve(ln)
	defer srv.Close()
	base := opt.BaseURL
	if base == "" {
		base = fmt.Sprintf("http://localhost:%d/", port)
	}
	args := []string{"server", "--source", opt.Root, "--port", fmt.Sprint(inner), "--noBuildLock",
		"--baseURL", base, "--appendPort=false", "--liveReloadPort", fmt.Sprint(port)}
	return runHugo(args, opt.Version.params())
}

// freePort is a port nothing listens on now, for Hugo behind the proxy.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// runHugo calls Hugo's command line in-process with a clean environment
// (see clearHugoEnv); the only such variables Hugo sees are env, set by us.
func runHugo(args []string, env map[string]string) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	defer clearHugoEnv()()
	for k, v := range env {
		os.Setenv(k, v)
		defer os.Unsetenv(k)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	return commands.Execute(args)
}

// clearHugoEnv unsets every variable Hugo would read as configuration and
// returns what puts them back. Hugo reads every variable starting with HUGO,
// whatever character follows (HUGO_BASEURL, HUGOxBASEURL: the fifth
// character is the delimiter), and they override flags and hugo.toml, so a
// stray one in an editor's shell or on a CI machine would change every
// permalink, or crash Hugo (HUGOxPARAMS=1).
func clearHugoEnv() (restore func()) {
	var saved []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(strings.ToUpper(k), "HUGO") {
			saved = append(saved, kv)
			os.Unsetenv(k)
		}
	}
	return func() {
		for _, kv := range saved {
			k, v, _ := strings.Cut(kv, "=")
			os.Setenv(k, v)
		}
	}
}
