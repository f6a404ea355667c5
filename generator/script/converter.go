// Package script is the pipeline stage "script": it detects the script of
// each paragraph (Detect) and writes every text in both Simplified (zh-Hans)
// and Traditional Chinese as used in Taiwan (zh-Hant).
//
// The conversion is OpenCC's, reimplemented in pure Go over OpenCC 1.4.2's
// text dictionaries in data/zh/opencc (Apache-2.0), plus the project's own
// overrides in data/zh/overrides.yaml. The chains follow OpenCC's configs:
//
//   - t2s  = normalise (CJK_Compatibility_Ideographs), then one maximum
//     forward match over TSPhrases ▸ TSCharacters (TSCharactersExt, whose
//     outputs may be missing from readers' fonts, is left out as OpenCC does
//     by default).
//   - s2tw = normalise, segment and convert by maximum forward match over
//     (STPhrases ∪ STPhrases_GeneratedFromRegionalPhrases) ▸ STCharacters,
//     then, inside each segment, TWVariantsPhrases ▸ TWVariants (為 not 爲,
//     裡 not 裏, 群 not 羣, 眾 not 衆).
//
// "▸" is OpenCC's short-circuit group (the first dictionary with a match
// wins), "∪" its union group (the longest match wins, the first dictionary
// on ties). Overrides and registered names are phrases that win over both.
//
// ToHant is s2tw applied to the output of t2s, not s2tw alone: the reports
// reach us in either script and often in a Traditional produced character by
// character from Simplified (規范, 并, 干部). s2tw alone leaves 規范 and
// Traditional characters untouched and treats 范/并/干 one by one; going
// through t2s first gives the phrase dictionaries a whole Simplified phrase
// to work on, which repairs those errors. Measured on the Traditional
// reports, s2tw alone also leaves 扎實, 凈化, 憑借, 匯總 and 周轉 as the
// mirror wrote them and turns every 范 into 範; the round trip fixes all of
// them (testdata/roundtrip.golden lists every change). Where it would lose a
// genuine Traditional distinction (頭髮乾了), an override restores it.
//
// Nothing is frozen wholesale: a title in 《》 or a name written in
// Simplified must still appear in Traditional on the zh-Hant page. What must
// never be mis-converted (names, official place names, terms) is listed as
// an override or registered with WithNames, and then wins over the
// dictionaries in both directions.
package script

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
	"unsafe"
)

// Script names a writing system of Chinese.
type Script string

// The scripts. Mixed is only ever a detection result.
const (
	Hans  Script = "hans"
	Hant  Script = "hant"
	Mixed Script = "mixed"
)

// Converter converts between the scripts. It is immutable after Load (or
// WithNames) and safe for concurrent use.
type Converter struct {
	compat *trie // normalisation: CJK compatibility ideographs
	t2s    *trie
	s2t    *trie // stage 1 of s2t/s2tw; entry.tw holds the s2tw result of segment entries
	tw     *trie // stage 2 of s2tw: Taiwan variants
	vocab  *trie // Taiwan's words (TWPhrases of s2twp), for ToHantVocab

	// Maps the tries were built from, kept so that WithNames can rebuild.
	t2sMap, s2tMap map[string]entry
	twMap          map[string]entry

	hansOnly, hantOnly map[rune]bool // for Detect
	overrides          []Override
	names, phrases     []phrase // registered names; expanded overrides

	barriers barriers // found when first needed (see Align)

	surnames *surnameRule // names the surname overrides cannot list (names.go); nil in plain OpenCC
	rules    bool         // the rules by class of readings.go; false in plain OpenCC
}

// ToHans converts s to Simplified Chinese (OpenCC t2s plus overrides).
// Simplified text is left as it is.
func (c *Converter) ToHans(s string) string {
	return string(c.appendT2S(nil, c.normalize(s)))
}

// ToHant converts s to Traditional Chinese as used in Taiwan: t2s, then
// s2tw, plus overrides (see the package comment for why t2s comes first).
func (c *Converter) ToHant(s string) string {
	h := c.appendT2S(nil, c.normalize(s))
	return string(c.appendS2T(nil, string(h), true))
}

// ToHantVocab converts interface text (labels, the site's own pages) to
// Traditional with Taiwan's words as well as its characters: ToHant with
// OpenCC's s2twp second stage, TWPhrases ▸ TWVariantsPhrases ▸ TWVariants
// in each segment (數據 → 資料, 鏈接 → 連結, 搜索 → 搜尋, 信息 → 資訊).
// Report text never goes through it: a quote must remain the report's
// words, converted character for character. Quotation marks become the
// corner brackets Taiwan and Hong Kong print (“” → 「」, ‘’ → 『』, the
// inner pair inside the outer as in Simplified).
func (c *Converter) ToHantVocab(s string) string {
	h := c.appendT2S(nil, c.normalize(s))
	return cornerQuotes.Replace(string(c.appendS2TStage(nil, string(h), c.vocab)))
}

var cornerQuotes = strings.NewReplacer("“", "「", "”", "」", "‘", "『", "’", "』")

// Twin converts s to both scripts, running the t2s stage they share once:
// the same as ToHans(s), ToHant(s).
func (c *Converter) Twin(s string) (hans, hant string) {
	hans = string(c.appendT2S(nil, c.normalize(s)))
	return hans, string(c.appendS2T(nil, hans, true))
}

// Convert converts s to the script to (Hans or Hant); any other value
// returns s unchanged.
func (c *Converter) Convert(s string, to Script) string {
	switch to {
	case Hans:
		return c.ToHans(s)
	case Hant:
		return c.ToHant(s)
	}
	return s
}

// ConvertReader converts src to the script to and writes it to dst line by
// line, keeping line endings, so that memory stays bounded on large input.
// No phrase crosses a line break, exactly as with the opencc command.
func (c *Converter) ConvertReader(dst io.Writer, src io.Reader, to Script) error {
	if to != Hans && to != Hant {
		return fmt.Errorf("script: convert to %q: want %q or %q", to, Hans, Hant)
	}
	var a, b []byte
	return eachLine(dst, src, func(line string) []byte {
		a = c.appendT2S(a[:0], c.normalize(line))
		if to == Hans {
			return a
		}
		b = c.appendS2T(b[:0], unsafe.String(unsafe.SliceData(a), len(a)), true)
		return b
	})
}

// eachLine calls conv for each line of src without its line ending and
// writes the result and the line ending to dst. The string given to conv
// is only valid during the call (it aliases the reader's buffer).
func eachLine(dst io.Writer, src io.Reader, conv func(string) []byte) error {
	r := bufio.NewReaderSize(src, 64*1024)
	w := bufio.NewWriterSize(dst, 64*1024)
	var long []byte // a line longer than the reader's buffer
	for {
		chunk, err := r.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long, chunk...)
			continue
		}
		if long != nil {
			chunk = append(long, chunk...)
			long = nil
		}
		if len(chunk) > 0 {
			body := chunk
			for len(body) > 0 && (body[len(body)-1] == '\n' || body[len(body)-1] == '\r') {
				body = body[:len(body)-1]
			}
			out := conv(unsafe.String(unsafe.SliceData(body), len(body)))
			if _, werr := w.Write(out); werr != nil {
				return werr
			}
			if _, werr := w.Write(chunk[len(body):]); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			return w.Flush()
		}
		if err != nil {
			return err
		}
	}
}

// OpenCC reproduces one of OpenCC's own configurations without the
// project's overrides and names: "s2t", "s2tw", "t2s" and "tw2s" are
// supported. It exists for the tests against OpenCC's test cases and for
// the benchmark against the opencc command.
func (c *Converter) OpenCC(config, s string) (string, error) {
	switch config {
	case "s2t":
		return string(c.appendS2T(nil, c.normalize(s), false)), nil
	case "s2tw":
		return string(c.appendS2T(nil, c.normalize(s), true)), nil
	case "t2s":
		return string(c.appendT2S(nil, c.normalize(s))), nil
	}
	return "", fmt.Errorf("script: OpenCC config %q not supported", config)
}

// normalize maps CJK compatibility ideographs to their unified forms. The
// byte scan first makes the common case (none present) cost almost nothing.
func (c *Converter) normalize(s string) string {
	for i := 0; i+1 < len(s); i++ {
		b, b1 := s[i], s[i+1]
		if (b == 0xEF && b1 >= 0xA4 && b1 <= 0xAB) || (b == 0xF0 && b1 == 0xAF) {
			return string(appendMatch(nil, c.compat, s))
		}
	}
	return s
}

func (c *Converter) appendT2S(dst []byte, s string) []byte {
	return appendMatch(dst, c.t2s, s)
}

// appendMatch appends s converted by maximum forward match over t.
// Unmatched runs are copied in one piece.
func appendMatch(dst []byte, t *trie, s string) []byte {
	if dst == nil {
		dst = make([]byte, 0, len(s)+len(s)/8)
	}
	plain := 0 // start of the pending unmatched run
	for i := 0; i < len(s); {
		r, n := decode(s, i)
		l, e := t.longest(s[i:], r, n)
		if e == nil {
			i += n
			continue
		}
		dst = append(dst, s[plain:i]...)
		dst = append(dst, e.val...)
		i += l
		plain = i
	}
	return append(dst, s[plain:]...)
}

// appendS2T runs OpenCC's s2t stage, and with tw its Taiwan stage per
// segment: a segment is a phrase match (or an override or name), or a run
// of text between phrase matches converted character by character.
func (c *Converter) appendS2T(dst []byte, s string, tw bool) []byte {
	if dst == nil {
		dst = make([]byte, 0, len(s)+len(s)/8)
	}
	if !tw {
		return appendMatch(dst, c.s2t, s)
	}
	return c.appendS2TStage(dst, s, nil)
}

// appendS2TStage is appendS2T with the Taiwan stage: the variants (stage
// nil, precomputed for phrase segments) or the given trie.
func (c *Converter) appendS2TStage(dst []byte, s string, stage *trie) []byte {
	if dst == nil {
		dst = make([]byte, 0, len(s)+len(s)/8)
	}
	second := c.tw
	if stage != nil {
		second = stage
	}
	// run is the stage-1 output of the current run, Taiwan stage pending;
	// its buffer is reused from call to call.
	buf := runBuffers.Get().(*[]byte)
	defer runBuffers.Put(buf)
	run := (*buf)[:0]
	defer func() { *buf = run[:0] }()
	plain := 0
	for i := 0; i < len(s); {
		r, n := decode(s, i)
		l, e := c.s2t.longest(s[i:], r, n)
		if e != nil {
			l, e = c.reading(s, i, r, n, l, e)
		}
		if e == nil {
			i += n
			continue
		}
		run = append(run, s[plain:i]...)
		// In interface text a phrase that only keeps its characters (STPhrases'
		// 中搜 → 中搜) does not cut a Taiwan word out of the text around it
		// (段落中搜索 → 段落中搜尋): it joins the run the words stage reads.
		if e.seg && !(stage != nil && e.val == e.key) {
			if len(run) > 0 {
				dst = appendMatch(dst, second, unsafe.String(&run[0], len(run)))
				run = run[:0]
			}
			if stage == nil {
				dst = append(dst, e.tw...)
			} else {
				dst = appendMatch(dst, stage, e.val)
			}
		} else {
			run = append(run, e.val...)
		}
		i += l
		plain = i
	}
	run = append(run, s[plain:]...)
	if len(run) > 0 {
		// run is not written while appendMatch reads it: no copy needed.
		dst = appendMatch(dst, second, unsafe.String(&run[0], len(run)))
	}
	return dst
}

var runBuffers = sync.Pool{New: func() any { return new([]byte) }}

// ConvertReaderOpenCC is ConvertReader for one of OpenCC's own configs
// (see OpenCC): it lets the benchmark compare like with like.
func (c *Converter) ConvertReaderOpenCC(dst io.Writer, src io.Reader, config string) error {
	if _, err := c.OpenCC(config, ""); err != nil {
		return err
	}
	var a []byte
	return eachLine(dst, src, func(line string) []byte {
		s := c.normalize(line)
		if config == "t2s" {
			a = c.appendT2S(a[:0], s)
		} else {
			a = c.appendS2T(a[:0], s, config == "s2tw")
		}
		return a
	})
}
