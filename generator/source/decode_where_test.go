package source

import (
	"strings"
	"testing"
)

// A text that cannot be decoded is named by the line an editor can open,
// not only by a byte offset.
func TestDecodeErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"invalid byte on line 3", []byte("第一行\n第二行\n第三\xff行\n"), "line 3 (byte "},
		{"UTF-8 with a BOM, invalid on line 2", append([]byte("\xef\xbb\xbf第一行\n"), []byte("第\xc3二行\n")...), "line 2 (byte "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Decode("original.txt", c.in, "")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("decode: %v, want an error naming %q", err, c.want)
			}
		})
	}
}
