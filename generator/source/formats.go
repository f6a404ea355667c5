package source

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// Format is a kind of file the intake accepts as a report's original. The
// list is closed on purpose: an original is served on the site's domain
// (under /originals/), so only formats whose bytes the site can serve inert
// are accepted, each with the Content-Type netlify.toml gives it.
type Format struct {
	Name        string   // "text", "html", "docx", "pdf"
	Exts        []string // file name endings, lowercase, with the dot
	ContentType string   // as served under /originals/
	// Attachment: a browser would render the file (a page, a PDF with its
	// scripts), so it is served with Content-Disposition: attachment.
	Attachment bool
}

// Formats lists what `add` and the build accept, in the order the README
// names them.
var Formats = []Format{
	{Name: "text", Exts: []string{".txt"}, ContentType: "text/plain; charset=utf-8"},
	{Name: "html", Exts: []string{".html", ".htm"}, ContentType: "text/html; charset=utf-8", Attachment: true},
	{Name: "docx", Exts: []string{".docx"}, ContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Attachment: true},
	{Name: "pdf", Exts: []string{".pdf"}, ContentType: "application/pdf", Attachment: true},
}

// AcceptedExtensions lists every file name ending the intake accepts.
func AcceptedExtensions() []string {
	var out []string
	for _, f := range Formats {
		out = append(out, f.Exts...)
	}
	return out
}

// FormatOf names the format of a file from its name; a file without an
// extension is text. Anything else is refused, naming what is accepted.
func FormatOf(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return Formats[0], nil
	}
	for _, f := range Formats {
		for _, e := range f.Exts {
			if e == ext {
				return f, nil
			}
		}
	}
	return Format{}, fmt.Errorf("%s: %q files are not accepted as reports (accepted: %s)", path, ext, strings.Join(AcceptedExtensions(), ", "))
}

// ReadLimited reads a report's file without trusting it: it must be a
// regular file, not a symlink (a link can point anywhere, /etc/passwd
// included), and at most MaxSize bytes, which is checked before reading
// and again while reading (a file can grow, /dev/zero never ends).
func ReadLimited(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	switch {
	case fi.Mode()&os.ModeSymlink != 0:
		return nil, fmt.Errorf("%s: is a symbolic link: give the file it points to, after checking it is the report", path)
	case fi.IsDir():
		return nil, fmt.Errorf("%s: is a directory, not a report file", path)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s: is not a regular file (a device, pipe or socket)", path)
	case fi.Size() > MaxSize:
		return nil, fmt.Errorf("%s: file is %d bytes, over the %d-byte limit for a report", path, fi.Size(), MaxSize)
	}
	f, err := openNoFollow(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	// The file opened must be the one checked: not swapped for a link or
	// a device between the two calls.
	if ofi, err := f.Stat(); err != nil || !os.SameFile(fi, ofi) {
		return nil, fmt.Errorf("%s: changed while it was being opened", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if len(b) > MaxSize {
		return nil, fmt.Errorf("%s: file grew past the %d-byte limit for a report while it was read", path, MaxSize)
	}
	return b, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Extracted is a report's text as taken from its original, with how it was
// taken: what a reader of the source page is told about the copy.
type Extracted struct {
	Text     string // "\n" line ends; blank lines between blocks
	Encoding string // of the text inside the file ("" for docx and pdf)
	Format   string // Format.Name
	// How the text was taken from the file, in one line: the library and
	// version, and what was left out (page numbers, running heads).
	How  string
	Page PageInfo
}

// PageInfo is what a file says about itself besides its text: a saved web
// page's <title>, canonical URL and dates, a Word file's or PDF's document
// properties. `add` uses it for the draft; the build does not.
type PageInfo struct {
	Title     string // <title>, og:title, dc:title, PDF /Title
	Headline  string // the main content's heading, as readability found it
	Canonical string // <link rel=canonical>, og:url
	Published string // article:published_time and the like, as written
	Byline    string // author meta, readability's byline
	SiteName  string // og:site_name
}

// Extract takes the text out of a report's original bytes according to its
// format (from name's extension). declared is meta.yaml's encoding ("" to
// detect). A file with no Chinese text at all is refused: whatever it is,
// it is not a report this portal publishes.
func Extract(name string, b []byte, declared string) (Extracted, error) {
	f, err := FormatOf(name)
	if err != nil {
		return Extracted{}, err
	}
	if len(b) == 0 {
		return Extracted{}, fmt.Errorf("%s: file is empty", name)
	}
	var x Extracted
	switch f.Name {
	case "html":
		x, err = extractHTML(name, b, declared)
	case "docx":
		x, err = extractDOCX(name, b)
	case "pdf":
		x, err = extractPDF(name, b)
	default:
		var text, enc string
		text, enc, err = Decode(name, b, declared)
		x = Extracted{Text: text, Encoding: enc, How: "text: the file as it is, decoded as " + enc}
	}
	if err != nil {
		return Extracted{}, err
	}
	x.Format = f.Name
	if !hasHan(x.Text) {
		return Extracted{}, fmt.Errorf("%s: no Chinese text in the %s file: not a report (a binary file, or the wrong file?)", name, f.Name)
	}
	return x, nil
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// blockText collects text in lines and blocks: the shape HTML and DOCX
// extraction both produce, so that the same report gives the same lines.
type blockText struct {
	b       strings.Builder
	line    strings.Builder
	pending int // newlines owed before the next text: 1 a line break, 2 a block break
}

func (t *blockText) text(s string) {
	if s == "" {
		return
	}
	if t.line.Len() == 0 && t.b.Len() > 0 {
		t.b.WriteString(strings.Repeat("\n", t.pending))
	}
	t.pending = 0
	t.line.WriteString(s)
}

// flush ends the current line; n is 1 for a line break, 2 for the end of a
// block (a blank line follows).
func (t *blockText) flush(n int) {
	if t.line.Len() > 0 {
		t.b.WriteString(strings.TrimRight(t.line.String(), " \t"))
		t.line.Reset()
		t.pending = n
		return
	}
	if n > t.pending && t.b.Len() > 0 {
		t.pending = n
	}
}

func (t *blockText) String() string {
	t.flush(1)
	if t.b.Len() == 0 {
		return ""
	}
	return t.b.String() + "\n"
}

// lineBreak is a hard line break (<br>, Word's w:br): a second one in a row
// makes a blank line.
func (t *blockText) lineBreak() {
	if t.line.Len() > 0 {
		t.flush(1)
		return
	}
	if t.b.Len() > 0 && t.pending < 2 {
		t.pending++
	}
}
