package site

import (
	"os"
	"testing"
)

// Every variable Hugo would read as configuration is gone while Hugo runs,
// whatever delimiter follows HUGO, and comes back afterwards; others stay.
// (Hugo ignores the environment when it runs inside `go test`, so .ci/run
// also builds with such variables set and compares the site byte for byte.)
func TestClearHugoEnv(t *testing.T) {
	hostile := map[string]string{
		"HUGO_BASEURL":         "https://evil.example/",
		"HUGOxBASEURL":         "https://evil.example/",
		"HUGO.PARAMS":          "1",
		"HUGOxPARAMS":          "1",
		"hugo_params_sitedate": "evil",
		"HUGO_ENVIRONMENT":     "development",
	}
	for k, v := range hostile {
		t.Setenv(k, v)
	}
	t.Setenv("PORTAL_KEEP", "kept")
	restore := clearHugoEnv()
	for k := range hostile {
		if v, ok := os.LookupEnv(k); ok {
			t.Errorf("%s=%q still set while Hugo runs", k, v)
		}
	}
	if os.Getenv("PORTAL_KEEP") != "kept" {
		t.Error("an unrelated variable was cleared")
	}
	restore()
	for k, want := range hostile {
		if got := os.Getenv(k); got != want {
			t.Errorf("%s = %q after restore, want %q", k, got, want)
		}
	}
}
