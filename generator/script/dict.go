package script

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// entry is one dictionary mapping: the first value is the conversion, as
// in OpenCC (later values are alternatives shown by OpenCC's tools only).
// seg marks entries that cut the text into segments (phrases, overrides,
// names) as opposed to single-character fallbacks; the Taiwan-variant
// stage of s2tw runs per segment, exactly as in OpenCC.
type entry struct {
	key, val string
	tw       string // for s2t segment entries: val after the Taiwan-variant stage
	seg      bool
}

// dictFile is an OpenCC text dictionary: "key<TAB>value value…" per line,
// '#' comments and blank lines ignored.
type dictFile struct {
	name    string
	entries []entry
	all     map[string][]string // key → every value, for Detect and tests
	tofu    map[string]string   // from "# @tofu-risk" annotated lines (TSCharactersExt)
}

// readDict reads one OpenCC text dictionary. Errors name the file and line.
func readDict(path string) (*dictFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &dictFile{name: filepath.Base(path), all: map[string][]string{}, tofu: map[string]string{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line, tofuNext := 0, false
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(t, "#") {
			tofuNext = strings.HasPrefix(t, "# @tofu-risk:")
			continue
		}
		if strings.TrimSpace(t) == "" {
			continue
		}
		key, vals, ok := strings.Cut(t, "\t")
		values := strings.Fields(vals)
		if !ok || key == "" || len(values) == 0 {
			return nil, fmt.Errorf("%s:%d: want \"key<TAB>value…\", got %q", path, line, t)
		}
		if _, dup := d.all[key]; dup {
			return nil, fmt.Errorf("%s:%d: duplicate key %q", path, line, key)
		}
		d.all[key] = values
		d.entries = append(d.entries, entry{key: key, val: values[0]})
		if tofuNext {
			ext := values
			if ext[0] == key {
				ext = ext[1:]
			}
			if len(ext) == 0 {
				return nil, fmt.Errorf("%s:%d: @tofu-risk line without an extension value", path, line)
			}
			d.tofu[key] = ext[0]
			tofuNext = false
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line+1, err)
	}
	return d, nil
}

// dictSet is what Load reads from data/zh/opencc.
type dictSet struct {
	compat, stPhrases, stGenerated, stChars, twPhrases, twChars, tsPhrases, tsChars *dictFile
	twVocab                                                                         *dictFile // TWPhrases: Taiwan's words, for interface text only (ToHantVocab)
	std                                                                             *dictFile // data/zh/tw-standard.txt (set by Load; nil: plain OpenCC)
}

// Files of data/zh/opencc that the chains use, in the order of the OpenCC
// configs s2tw.json and t2s.json (1.4.2).
const (
	fileCompat      = "CJK_Compatibility_Ideographs.txt"
	fileSTPhrases   = "STPhrases.txt"
	fileSTGenerated = "STPhrases_GeneratedFromRegionalPhrases.txt"
	fileSTChars     = "STCharacters.txt"
	fileTWVPhrases  = "TWVariantsPhrases.txt"
	fileTWVariants  = "TWVariants.txt"
	fileTSPhrases   = "TSPhrases.txt"
	fileTSChars     = "TSCharacters.txt"
	fileTWPhrases   = "TWPhrases.txt" // of s2twp.json
	// The project's own, in data/zh beside opencc/.
	fileTWStandard = "tw-standard.txt"
)

func readDictSet(dir string) (*dictSet, error) {
	var ds dictSet
	for _, x := range []struct {
		name string
		dst  **dictFile
	}{
		{fileCompat, &ds.compat}, {fileSTPhrases, &ds.stPhrases}, {fileSTGenerated, &ds.stGenerated},
		{fileSTChars, &ds.stChars}, {fileTWVPhrases, &ds.twPhrases}, {fileTWVariants, &ds.twChars},
		{fileTSPhrases, &ds.tsPhrases}, {fileTSChars, &ds.tsChars}, {fileTWPhrases, &ds.twVocab},
	} {
		d, err := readDict(filepath.Join(dir, x.name))
		if err != nil {
			return nil, err
		}
		*x.dst = d
	}
	return &ds, nil
}
