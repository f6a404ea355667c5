package source

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// wordNS is the namespace of WordprocessingML's elements (w:p, w:t …).
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// extractDOCX takes the text of a Word file's main document in order:
// each paragraph a block, each table row a line with its cells separated
// by tabs, w:br and w:cr line breaks, w:tab a tab. Deleted text (tracked
// changes) is left out; inserted text is kept, as Word shows it. The
// document's title property is read for the draft.
func extractDOCX(name string, b []byte) (Extracted, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return Extracted{}, fmt.Errorf("%s: not a Word .docx file (not a zip archive: %v)", name, err)
	}
	var body, core *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			body = f
		case "docProps/core.xml":
			core = f
		}
	}
	if body == nil {
		return Extracted{}, fmt.Errorf("%s: not a Word .docx file (no word/document.xml inside)", name)
	}
	raw, err := readZipped(body)
	if err != nil {
		return Extracted{}, fmt.Errorf("%s: word/document.xml: %v", name, err)
	}
	text, err := docxText(raw)
	if err != nil {
		return Extracted{}, fmt.Errorf("%s: word/document.xml: %v", name, err)
	}
	var page PageInfo
	if core != nil {
		if raw, err := readZipped(core); err == nil {
			page = docxCore(raw)
		}
	}
	return Extracted{Text: text, How: "docx: paragraphs and table rows of word/document.xml in order (encoding/xml)", Page: page}, nil
}

// readZipped reads one member of the archive, no more than MaxSize bytes
// of it (a zip bomb stops there).
func readZipped(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxSize {
		return nil, fmt.Errorf("unpacks to more than %d bytes", MaxSize)
	}
	return b, nil
}

func docxText(raw []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var t blockText
	inText, deleted, cells := false, 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Space != wordNS {
				continue
			}
			switch el.Name.Local {
			case "t":
				inText = true
			case "del":
				deleted++
			case "br", "cr":
				t.lineBreak()
			case "tab":
				t.text("\t")
			case "tc":
				if t.line.Len() > 0 {
					t.text("\t")
				}
				cells++
			}
		case xml.EndElement:
			if el.Name.Space != wordNS {
				continue
			}
			switch el.Name.Local {
			case "t":
				inText = false
			case "del":
				deleted--
			case "p":
				// A paragraph inside a table cell continues the row.
				if cells == 0 {
					t.flush(2)
				}
			case "tr":
				t.flush(1)
			case "tbl":
				t.flush(2)
			case "tc":
				cells--
			}
		case xml.CharData:
			if inText && deleted == 0 {
				t.text(string(el))
			}
		}
	}
	return t.String(), nil
}

// docxCore reads the title and creation date from docProps/core.xml.
func docxCore(raw []byte) PageInfo {
	var core struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
		Created string `xml:"created"`
	}
	if err := xml.Unmarshal(raw, &core); err != nil {
		return PageInfo{}
	}
	return PageInfo{Title: oneLine(core.Title), Published: strings.TrimSpace(core.Created)}
}
