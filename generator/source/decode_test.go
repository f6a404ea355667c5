package source

import (
	"bytes"
	"strings"
	"testing"
)

func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		declared string
		want     string
	}{
		{"empty", nil, "", "file is empty"},
		{"nul bytes", []byte("abc\x00def"), "", "NUL"},
		{"undecodable", []byte{0xff, 0xff, 0xff, 0xfe, 0x80}, "", "cannot decode"},
		{"too large", bytes.Repeat([]byte("a"), MaxSize+1), "", "over the"},
		{"unknown declared", []byte("abc"), "latin-9", "unknown encoding"},
		{"declared but wrong", []byte{0xff, 0xfe, 0x80}, "utf-8", "not valid utf-8"},
		{"bad utf-8 after bom", []byte("\xef\xbb\xbfab\xff"), "", "byte-order mark"},
	}
	for _, tt := range tests {
		_, _, err := Decode("data/x/original.txt", tt.in, tt.declared)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "data/x/original.txt") {
			t.Errorf("%s: err = %v, want one naming the file and saying %q", tt.name, err, tt.want)
		}
	}
}

func TestDecodeAccepts(t *testing.T) {
	const text = "履行教育職責\n一、济南市\n"
	tests := []struct {
		name, declared, enc string
		in                  []byte
	}{
		{"utf-8", "", "utf-8", []byte(text)},
		{"utf-8 bom", "", "utf-8-bom", append([]byte("\xef\xbb\xbf"), text...)},
		{"utf-16le bom", "", "utf-16le", []byte("\xff\xfe\x65\x5c\x0a\x00")},
		{"utf-16be bom", "", "utf-16be", []byte("\xfe\xff\x5c\x65\x00\x0a")},
		{"gb18030", "", "gb18030", []byte("\xc2\xc4\xd0\xd0\xbd\xcc\xd3\xfd\xd6\xb0\xd4\xf0\n")},
		{"crlf", "", "utf-8", []byte(strings.ReplaceAll(text, "\n", "\r\n"))},
		{"cr", "", "utf-8", []byte(strings.ReplaceAll(text, "\n", "\r"))},
		{"declared wins", "utf-8", "utf-8", []byte(text)},
	}
	for _, tt := range tests {
		got, enc, err := Decode("x", tt.in, tt.declared)
		if err != nil || enc != tt.enc || strings.Contains(got, "\r") {
			t.Errorf("%s: got %q, %q, %v; want encoding %q and no CR", tt.name, got, enc, err, tt.enc)
		}
	}
}
