package source

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodText = "2020年各市履行教育职责典型工作案例\n一、济南市\n"

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// writeReport makes data/sources/<folder>/ with a meta.yaml and, when
// original is not nil, an original.txt.
func writeReport(t *testing.T, root, folder, meta string, original []byte) {
	t.Helper()
	dir := filepath.Join(root, folder)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "meta.yaml"), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	if original != nil {
		if err := os.WriteFile(filepath.Join(dir, "original.txt"), original, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func metaFor(id string, original []byte, extra string) string {
	return "id: " + id + "\ntitle: 测试\nkind: news\nscript: hans\nsha256: " + sum(original) + "\n" + extra
}

func TestLoadAllGood(t *testing.T) {
	root := t.TempDir()
	b := []byte(goodText)
	writeReport(t, root, "b-report", metaFor("b-report", b, "covers_year: 2020\n"), b)
	writeReport(t, root, "a-report", metaFor("a-report", b, ""), b)
	reports, err := LoadAll(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 2 || reports[0].ID != "a-report" || reports[1].ID != "b-report" {
		t.Fatalf("got %d reports, want a-report then b-report", len(reports))
	}
	if reports[1].Meta.CoversYear != 2020 || reports[0].Text != goodText || reports[0].Encoding != "utf-8" {
		t.Errorf("report read wrong: %+v", reports[1].Meta)
	}
}

// Each broken input gives exactly one error that names the file, the line
// where there is one, and what is wrong.
func TestLoadAllErrors(t *testing.T) {
	good := []byte(goodText)
	gbk := []byte{0xB7, 0xFE, 0xCE, 0xF1} // 服务 in GBK: not UTF-8
	cases := []struct {
		name  string
		setup func(t *testing.T, root string)
		want  []string // substrings of the one error
	}{
		{"broken yaml", func(t *testing.T, root string) {
			writeReport(t, root, "x", "id: x\ntitle: [unclosed\n", good)
		}, []string{"x/meta.yaml:1:", "did not find expected"}},
		{"unknown field", func(t *testing.T, root string) {
			writeReport(t, root, "x", metaFor("x", good, "colour: red\n"), good)
		}, []string{"x/meta.yaml:6", "unknown field colour"}},
		{"missing original", func(t *testing.T, root string) {
			writeReport(t, root, "x", metaFor("x", good, ""), nil)
		}, []string{"x/meta.yaml", "missing original"}},
		{"wrong sha256", func(t *testing.T, root string) {
			writeReport(t, root, "x", metaFor("x", []byte("other"), ""), good)
		}, []string{"x/meta.yaml:5", "sha256", "does not match"}},
		{"duplicate id", func(t *testing.T, root string) {
			writeReport(t, root, "x", metaFor("x", good, ""), good)
			writeReport(t, root, "y", metaFor("x", good, ""), good)
		}, []string{"y/meta.yaml:1", `duplicate id "x"`, "x/meta.yaml"}},
		{"id not a slug", func(t *testing.T, root string) {
			writeReport(t, root, "Bad_ID", metaFor("Bad_ID", good, ""), good)
		}, []string{"Bad_ID/meta.yaml:1", "not a lowercase ASCII slug"}},
		{"bad kind", func(t *testing.T, root string) {
			writeReport(t, root, "x", strings.Replace(metaFor("x", good, ""), "kind: news", "kind: gossip", 1), good)
		}, []string{"x/meta.yaml:3", `"gossip" is not one of`}},
		{"undecodable", func(t *testing.T, root string) {
			bad := append([]byte("abc\n"), 0xff, 0xfe, 0xfd, 0x80, 0x80)
			bad = append(bad, []byte("\n")...)
			writeReport(t, root, "x", metaFor("x", bad, "encoding: utf-8\n"), bad)
		}, []string{"x/original.txt", "not valid utf-8"}},
		{"binary", func(t *testing.T, root string) {
			bin := []byte("PK\x03\x04\x00\x00binary")
			writeReport(t, root, "x", metaFor("x", bin, ""), bin)
		}, []string{"x/original.txt", "NUL"}},
		{"empty", func(t *testing.T, root string) {
			writeReport(t, root, "x", metaFor("x", []byte{}, ""), []byte{})
		}, []string{"x/original.txt", "empty"}},
		{"legacy encoding is fine", func(t *testing.T, root string) {
			writeReport(t, root, "x", metaFor("x", gbk, ""), gbk)
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			c.setup(t, root)
			_, err := LoadAll(root)
			if c.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if n := strings.Count(msg, "\n") + 1; n != 1 {
				t.Errorf("want one error, got %d:\n%s", n, msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not mention %q", msg, w)
				}
			}
		})
	}
}

// The shipped reports load, and their bytes are the ones received.
func TestShippedReports(t *testing.T) {
	reports, err := LoadAll(filepath.Join("..", "..", "data", "sources"))
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) < 5 {
		t.Fatalf("want at least the five first reports, got %d", len(reports))
	}
	for _, r := range reports {
		if r.Meta.ReceivedAs == "" {
			continue
		}
		shared := filepath.Join("..", "..", "..", "shared", "sources", r.Meta.ReceivedAs)
		b, err := os.ReadFile(shared)
		if err != nil {
			continue // ../shared is beside the checkout in CI, not everywhere
		}
		if sum(b) != r.SHA256 {
			t.Errorf("%s: bytes differ from %s", r.OriginalPath, shared)
		}
	}
}
