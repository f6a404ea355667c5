package jsonout

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// The shapes the generator writes: tagged fields with omitempty, an
// embedded struct, pointers, slices, maps of any, nested rows.
type page struct {
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	Params      any      `json:"params,omitempty"`
	Places      []string `json:"places,omitempty"`
	Parent      *page    `json:"parent,omitempty"`
	Hidden      string   `json:"-"`
	internal    int
}

type row struct {
	Anchor string `json:"anchor"`
	Name   string `json:"name"`
	Value  string `json:"value"`
	Quote  string `json:"quote,omitempty"`
	Year   int    `json:"year,omitempty"`
	Ref    uint16 `json:"ref"`
	Flag   bool   `json:"flag,omitempty"`
}

type base struct {
	ID   string `json:"id"`
	Line int    `json:"line"`
}

type embedded struct {
	base
	Text   string `json:"text"`
	Plain  int
	Nested struct {
		A []int `json:"a"`
	} `json:"nested"`
}

// Types encoding/json must decide: its own marshalers, floats, bytes,
// colliding names, int map keys, the string option.
type collide struct {
	base
	ID string `json:"id"`
}

type stringOpt struct {
	N int `json:"n,string"`
}

type marshals struct{}

func (marshals) MarshalJSON() ([]byte, error) { return []byte(`{"own":[1,2]}`), nil }

type recursive struct {
	Name     string       `json:"name"`
	Children []*recursive `json:"children"`
}

var cases = []any{
	nil,
	"",
	"中文，“引号”<b>&",
	42,
	-7,
	true,
	1.5,
	[]any{},
	[]string(nil),
	map[string]any{},
	map[string]any(nil),
	map[string]any{"z": 1, "a": []any{map[string]any{}}, "m": nil, "é": "x"},
	map[int]string{2: "b", 10: "a"},
	[]byte("bytes"),
	[3]int{1, 2, 3},
	page{},
	page{Title: "t", Params: map[string]any{"rows": []row{{Anchor: "f-p1-1", Name: "幼儿园数", Value: "1,600", Quote: `他说"好"\`, Year: 2023, Ref: 2, Flag: true}, {}}}, Places: []string{"", "济南"}, Hidden: "no", internal: 3},
	&page{Title: "p", Parent: &page{Title: "parent", Params: []any{1.25, nil, "x", marshals{}}}},
	embedded{base: base{ID: "p1", Line: 3}, Text: "段落", Plain: 9},
	[]embedded{{}, {Text: "\u2028\x00"}},
	collide{base: base{ID: "inner"}, ID: "outer"},
	stringOpt{N: 5},
	marshals{},
	[]marshals{{}, {}},
	time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC),
	recursive{Name: "root", Children: []*recursive{{Name: "leaf"}, nil}},
	struct {
		F  float64           `json:"f"`
		Fs []float32         `json:"fs"`
		M  map[string][]bool `json:"m"`
	}{F: 1e21, Fs: []float32{0.1, 1e-7}, M: map[string][]bool{"b": {true, false}, "a": nil}},
}

func TestAppendMatchesMarshalIndent(t *testing.T) {
	for _, indent := range []string{" ", "  ", "\t"} {
		for i, v := range cases {
			want, err := json.MarshalIndent(v, "", indent)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Append([]byte("prefix"), v, indent)
			if err != nil {
				t.Fatalf("case %d: %v", i, err)
			}
			if !bytes.Equal(got, append([]byte("prefix"), want...)) {
				t.Errorf("case %d (%T), indent %q:\n got %s\nwant prefix%s", i, v, indent, got, want)
			}
		}
	}
}

func TestAppendCompactMatchesMarshal(t *testing.T) {
	for i, v := range cases {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := AppendCompact(nil, v)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("case %d (%T):\n got %s\nwant %s", i, v, got, want)
		}
	}
}

func TestAppendReportsEncodingErrors(t *testing.T) {
	if _, err := Append(nil, map[string]any{"x": []float64{1, 0 / zero}}, " "); err == nil {
		t.Error("NaN: no error")
	}
}

var zero = 0.0

func FuzzAppend(f *testing.F) {
	f.Add("a", "b", 1, true)
	f.Add(`"\`, "}{][,:", -3, false)
	f.Add("\x00\u2028<", "\xff", 0, true)
	f.Fuzz(func(t *testing.T, s1, s2 string, n int, b bool) {
		v := []any{
			page{Title: s1, Description: s2, Places: []string{s2, s1}, Params: map[string]any{s1: n, s2: []row{{Name: s1, Quote: s2, Year: n, Flag: b}}}},
			map[string]string{s1: s2, s2: s1},
			embedded{base: base{ID: s2, Line: n}, Text: s1},
		}
		want, err := json.MarshalIndent(v, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		got, err := Append(nil, v, " ")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("\n got %s\nwant %s", got, want)
		}
		want, _ = json.Marshal(v)
		if got, _ = AppendCompact(nil, v); !bytes.Equal(got, want) {
			t.Fatalf("compact:\n got %s\nwant %s", got, want)
		}
	})
}
