package publish

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// hostile lines are report text that, unescaped, would become markup.
var hostile = []string{
	`<script>alert("x")</script>`,
	`<img src=x onerror=alert(1)>`,
	`{{< youtube id >}} and {{% notice %}}`,
	`[点我](http://example.com) and ![图](x.png)`,
	`*强调* and **加粗** and _下划线_`,
	"`代码` and ``两个``",
	`# 不是标题`,
	`## 也不是`,
	`- 不是列表`,
	`+ 不是列表`,
	`* 不是列表`,
	`1. 不是列表`,
	`23) 不是列表`,
	`> 不是引用`,
	`| 表 | 格 |`,
	`---`,
	`===`,
	`: 不是定义`,
	`http://www.bibiwenku.com//index/article/detail/detail_id/209091.html`,
	`www.example.com`,
	`&amp; &copy; &#169;`,
	`反斜杠 \ 和 \\ 和 \*`,
	`文末属性 {#p99 .x}`,
	`~~删除~~ 和 $公式$ 和 [^1]`,
	`<!-- 注释 -->`,
	`1,122 人和 14.80% 和 2.67万 和 (一) 和 (X〔2022〕X号)`,
	`    缩进四格`,
}

func markdown() goldmark.Markdown {
	// The syntax extensions Hugo can enable, plus linkify, so that the test
	// is stricter than the site's configuration. Hugo's block attributes
	// ({#p1} under a paragraph) are Hugo's own extension: the site test
	// covers them through a real Hugo build.
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
}

func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// Whatever a report says, its escaped text renders as one paragraph of
// exactly that text: no element, link, entity or line break is created.
func TestEscapeRendersAsPlainText(t *testing.T) {
	for _, line := range hostile {
		t.Run(line, func(t *testing.T) {
			want := strings.TrimSpace(line)
			var out bytes.Buffer
			if err := markdown().Convert([]byte(escape(want)), &out); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != "<p>"+htmlText(want)+"</p>\n" {
				t.Errorf("rendered as markup:\n got %s\nwant <p>%s</p>", got, htmlText(want))
			}
		})
	}
}

// The paragraph block is the text, its ¶ link to itself and its attribute
// line, so that the text can never run into the link or the anchor.
func TestParagraphShape(t *testing.T) {
	for _, in := range []string{"  文末属性 {#p99}", "以反斜杠结尾\\", "[¶](#p1)"} {
		got := appendParagraph(nil, "p12", in)
		doc := markdown().Parser().Parse(text.NewReader(got))
		if doc.ChildCount() != 1 || doc.FirstChild().Kind() != ast.KindParagraph {
			t.Errorf("%q: not one paragraph", in)
			continue
		}
		var links []string
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*ast.Link); ok && entering {
				links = append(links, string(l.Destination))
			}
			return ast.WalkContinue, nil
		})
		if len(links) != 1 || links[0] != "#p12" {
			t.Errorf("%q: links %v, want only the ¶ link to #p12", in, links)
		}
		if !strings.HasSuffix(string(got), " [¶](#p12)\n{#p12}\n\n") {
			t.Errorf("%q: ends %q", in, got)
		}
	}
}

func TestEscapeLeavesPlainTextAlone(t *testing.T) {
	in := "全市2020年度一般公共预算教育支出2138084万元，比2019年增加275709万元，增长14.80%。"
	if got := escape(in); got != in {
		t.Errorf("escaping changed plain text: %q", got)
	}
}

// escapeReference is the escaping as first written, rune by rune, lower-casing
// the text before each '.'; appendEscaped copies runs of bytes instead and must
// give the same result.
func escapeReference(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == '\n' || r == '\r' {
			b.WriteByte(' ')
			continue
		}
		if r == '.' && !atBlockStart(s, i) {
			if strings.HasSuffix(strings.ToLower(s[:i]), "www") {
				b.WriteByte('\\')
			}
		} else if needsEscape(s, i, r, false) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func FuzzEscapeMatchesReference(f *testing.F) {
	for _, s := range []string{"", "# 标题", "1. 列表", "访问WwW.example.com", "http://x", "a\nb\r", "{{< x >}}", "99.5%", "\xff.", "İwww."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // report text is decoded to valid UTF-8 before it gets here
		}
		if got, want := escape(s), escapeReference(s); got != want {
			t.Fatalf("escape(%q) = %q, want %q", s, got, want)
		}
		// A piece inside a paragraph is escaped as if text came before it
		// (how it was first written).
		if got, want := string(appendEscaped(nil, s, true)), strings.TrimPrefix(escapeReference("x"+s), "x"); got != want {
			t.Fatalf("appendEscaped(%q, inline) = %q, want %q", s, got, want)
		}
	})
}

// escape is a whole paragraph's text escaped.
func escape(s string) string { return string(appendEscaped(nil, s, false)) }
