package place

import (
	"fmt"
	"testing"
)

func TestZZDump(t *testing.T) {
	for _, id := range []string{"liaocheng-2020-evaluation-news", "shandong-2020-typical-cases", "anonymised-district-2022-self-evaluation", "jinan-2018-bureau-chief-speech", "pingyu-2022-bureau-chief-interview"} {
		l, d := locateSource(t, id)
		fmt.Printf("== %s places=%v year=%+v\n", id, l.Places, l.Year)
		for i, p := range l.Paragraphs {
			var ms []string
			for _, m := range p.Mentions {
				ms = append(ms, fmt.Sprintf("%s=%s%v", m.Name, m.Code, m.Ambiguous))
			}
			txt := []rune(d.Paragraphs[i].Text)
			if len(txt) > 24 {
				txt = txt[:24]
			}
			fmt.Printf("%s %s %s %d/%s%v %v | %s\n", p.ID, p.Place.Code, p.Place.Name, p.Year.Year, p.Year.How, map[bool]string{true: "T", false: ""}[p.Year.Target], ms, string(txt))
		}
		fmt.Println(l.Warnings)
	}
}
