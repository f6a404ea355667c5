package clean

import (
	"strings"
	"testing"
	"time"
)

func TestSlowTmp(t *testing.T) {
	for name, s := range map[string]string{
		"q":      strings.Repeat("中?", 200000),
		"ffd":    strings.Repeat("中\uFFFD", 200000),
		"joins":  strings.Repeat("这一行没有标点但是足够长的一行\n", 20000),
		"commas": strings.Repeat("甲,\n", 20000),
		"seps":   strings.Repeat("-\n甲\n", 20000),
		"title":  "标题标题\n" + strings.Repeat("标题标题标题标题\n", 20000),
		"pinyin": strings.Repeat("領(lǐng)", 100000),
		"quotes": strings.Repeat("中\"", 100000),
		"parens": strings.Repeat("中(", 100000) + strings.Repeat("lǐng)", 100000),
	} {
		start := time.Now()
		Clean(s, Options{})
		t.Logf("%s: %v", name, time.Since(start))
	}
}
