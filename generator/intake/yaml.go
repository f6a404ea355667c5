package intake

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

// YAML writes the draft as meta.yaml: each field under a comment with its
// evidence; a field that could not be told under "# could not tell: …",
// left empty when meta.yaml requires it (the build then names it) and
// commented out when it is optional.
func (d Draft) YAML() []byte {
	var b bytes.Buffer
	b.WriteString("# Draft written by `generator add`. Each field's comment says what it was read from;\n")
	b.WriteString("# check every one against the report, fill in what could not be told, then build.\n")
	if d.Extraction != "" {
		comment(&b, "original: "+d.Extraction)
	}
	line(&b, "id", scalar(d.ID))
	strField(&b, "title", d.Title, true)
	strField(&b, "kind", d.Kind, true)
	strField(&b, "publisher", d.Publisher, false)
	listField(&b, "authors", d.Authors)
	strField(&b, "url", d.URL, false)
	strField(&b, "published", d.Published, false)
	if d.CoversYear.Unknown != "" {
		comment(&b, "could not tell: "+d.CoversYear.Unknown)
		b.WriteString("# covers_year:\n")
	} else {
		comment(&b, d.CoversYear.Evidence)
		line(&b, "covers_year", strconv.Itoa(d.CoversYear.Value))
	}
	listField(&b, "places", d.Places)
	strField(&b, "script", d.Script, true)
	strField(&b, "encoding", d.Encoding, false)
	line(&b, "sha256", d.SHA256)
	if d.ReceivedAs != "" {
		line(&b, "received_as", jsonString(d.ReceivedAs))
	}
	line(&b, "notes", jsonString("Draft written by `generator add`: review every field."))
	return b.Bytes()
}

func strField(b *bytes.Buffer, key string, f Field[string], required bool) {
	if f.Unknown != "" {
		comment(b, "could not tell: "+f.Unknown)
		if required {
			line(b, key, `""`)
		} else {
			b.WriteString("# " + key + ":\n")
		}
		return
	}
	comment(b, f.Evidence)
	line(b, key, scalar(f.Value))
}

var plainRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// scalar writes ids and the closed vocabularies (kind, script, encoding)
// plain, anything else quoted.
func scalar(s string) string {
	if plainRE.MatchString(s) && s != "null" && s != "true" && s != "false" && s != "yes" && s != "no" && s != "on" && s != "off" {
		return s
	}
	return jsonString(s)
}

func listField(b *bytes.Buffer, key string, f Field[[]string]) {
	if f.Unknown != "" || len(f.Value) == 0 {
		comment(b, "could not tell: "+f.Unknown)
		b.WriteString("# " + key + ": []\n")
		return
	}
	comment(b, f.Evidence)
	parts := make([]string, len(f.Value))
	for i, v := range f.Value {
		parts[i] = jsonString(v)
	}
	line(b, key, "["+strings.Join(parts, ", ")+"]")
}

// comment writes text as one comment line: report text in it can end it
// only at a line break, and there are none.
func comment(b *bytes.Buffer, text string) {
	if text == "" {
		return
	}
	b.WriteString("# " + strings.Join(strings.Fields(text), " ") + "\n")
}

func line(b *bytes.Buffer, key, value string) { b.WriteString(key + ": " + value + "\n") }

// jsonString quotes s as a JSON string, which YAML reads as the same
// double-quoted string.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
