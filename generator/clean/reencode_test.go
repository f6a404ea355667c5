package clean_test

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/eduportal/portal/generator/clean"
)

// Each report, re-encoded as the mirrors and document sites might have
// served it, gives the same paragraphs and edits as the UTF-8 copy: the
// cleaner's output depends on the text, never on its bytes.
func TestReencoded(t *testing.T) {
	corr := corrections(t)
	bom := func(e encoding.Encoding, b []byte) []byte { return b } // the UTF-16 encoders write the BOM
	encs := []struct {
		name string
		enc  encoding.Encoding
		wrap func(encoding.Encoding, []byte) []byte
	}{
		{"gb18030", simplifiedchinese.GB18030, bom},
		{"big5", traditionalchinese.Big5, bom},
		{"utf-16le-bom", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), bom},
		{"utf-16be-bom", unicode.UTF16(unicode.BigEndian, unicode.UseBOM), bom},
		{"utf-8-bom", unicode.UTF8BOM, bom},
	}
	for _, id := range reports {
		orig := readReport(t, id)
		want := cleanReport(t, id, orig, corr)
		check := func(name string, b []byte) {
			got := cleanReport(t, id, b, corr)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s as %s: cleaned differently from UTF-8", id, name)
			}
		}
		check("crlf", []byte(strings.ReplaceAll(string(orig), "\n", "\r\n")))
		check("cr", []byte(strings.ReplaceAll(string(orig), "\n", "\r")))
		for _, e := range encs {
			b, err := e.enc.NewEncoder().Bytes(orig)
			if err != nil {
				// Big5 has no Simplified characters, GB18030 has all.
				t.Logf("%s: not representable in %s (%v); skipped", id, e.name, err)
				continue
			}
			check(e.name, b)
			crlf, err := e.enc.NewEncoder().Bytes([]byte(strings.ReplaceAll(string(orig), "\n", "\r\n")))
			if err == nil {
				check(e.name+"+crlf", crlf)
			}
		}
	}
}

var _ = clean.Clean
