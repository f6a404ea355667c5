package clean_test

import (
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/source"
)

func FuzzSlowHunt(f *testing.F) {
	for _, id := range reports {
		b := readReport(f, id)
		f.Add(b)
		if len(b) > 600 {
			f.Add(b[len(b)-600:])
		}
	}
	for _, s := range []string{"", "\x00", "領(lǐng)(lǐng)", "?(qū)?", "中?;A(chǔ)", "一、\n(一)\n1.\n①", "\"\"\"", "\uFFFD\uFFFD?", "\xff\xfe\x00"} {
		f.Add([]byte(s))
	}
	corr := []clean.Correction{{Source: "fuzz", Damaged: "?", Restored: "字", Note: "test"}}
	f.Fuzz(func(t *testing.T, b []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			text, _, err := source.Decode("fuzz", b, "")
			if err != nil {
				return
			}
			clean.Clean(text, clean.Options{SourceID: "fuzz", Corrections: corr})
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			os.WriteFile("/tmp/slow_input.bin", b, 0o644)
			t.Fatalf("slow input (%d bytes): %s", len(b), hex.EncodeToString(b[:min(len(b), 2000)]))
		}
	})
}
