package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary bytes to each format's extraction: it must
// return text or an error naming the file, never panic or hang, and the
// text it returns is valid UTF-8 with Chinese in it.
func FuzzExtract(f *testing.F) {
	text := "某县教育工作报告\n\n全县新建学校3所，新增学位1200个。\n2021年教育经费增长5%。\n"
	f.Add(uint8(0), []byte(text))
	f.Add(uint8(1), makeHTML("某县教育工作报告", text))
	f.Add(uint8(2), makeDOCX("某县教育工作报告", text))
	f.Add(uint8(3), makePDF("某县教育工作报告", text, pdfOptions{width: 20, rows: 10, head: "页眉", numbers: true}))
	f.Add(uint8(3), makePDF("某县教育工作报告", text, pdfOptions{width: 20, rows: 10, draw: "kerned"}))
	f.Add(uint8(3), makePDF("某县教育工作报告", text, pdfOptions{width: 8, rows: 4, columns: 2, gutter: 2}))
	names := []string{"f.txt", "f.html", "f.docx", "f.pdf"}
	f.Fuzz(func(t *testing.T, kind uint8, b []byte) {
		name := names[int(kind)%len(names)]
		x, err := Extract(name, b, "")
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+": ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if !utf8.ValidString(x.Text) || !hasHan(x.Text) {
			t.Fatalf("extracted text is not valid UTF-8 with Chinese: %q", x.Text)
		}
	})
}
