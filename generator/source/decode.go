package source

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// MaxSize is the largest report the generator accepts. Real reports are tens
// of kilobytes; anything near this is a mistake (a PDF, an archive, a dump).
const MaxSize = 20 << 20

// Encodings the generator can read, by the name used in meta.yaml.
var encodings = map[string]encoding.Encoding{
	"utf-8":    unicode.UTF8,
	"utf-16le": unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	"utf-16be": unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
	"gb18030":  simplifiedchinese.GB18030,
	"gbk":      simplifiedchinese.GBK,
	"big5":     traditionalchinese.Big5,
}

// EncodingNames lists the names meta.yaml may give in "encoding".
func EncodingNames() []string {
	return []string{"utf-8", "utf-16le", "utf-16be", "gb18030", "gbk", "big5"}
}

// Decode turns a report's bytes into text with "\n" line ends. declared is
// the encoding an editor stated in meta.yaml ("" to detect). It returns the
// encoding used: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030" or
// "big5" (or the declared name). name is used only in error messages.
func Decode(name string, b []byte, declared string) (text, enc string, err error) {
	if len(b) == 0 {
		return "", "", fmt.Errorf("%s: file is empty", name)
	}
	if len(b) > MaxSize {
		return "", "", fmt.Errorf("%s: file is %d bytes, over the %d-byte limit for a report", name, len(b), MaxSize)
	}
	if declared != "" {
		e, ok := encodings[strings.ToLower(declared)]
		if !ok {
			return "", "", fmt.Errorf("%s: unknown encoding %q (known: %s)", name, declared, strings.Join(EncodingNames(), ", "))
		}
		b = trimBOM(b)
		text, err := decodeStrict(e, b)
		if err != nil {
			return "", "", fmt.Errorf("%s: not valid %s: %v", name, declared, err)
		}
		return finish(name, text, strings.ToLower(declared))
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(b[3:]) {
			return "", "", fmt.Errorf("%s: starts with a UTF-8 byte-order mark but is not valid UTF-8 at %s", name, where(b, 3+invalidAt(b[3:])))
		}
		return finish(name, string(b[3:]), "utf-8-bom")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		text, err := decodeStrict(encodings["utf-16le"], b[2:])
		if err != nil {
			return "", "", fmt.Errorf("%s: not valid UTF-16LE: %v", name, err)
		}
		return finish(name, text, "utf-16le")
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		text, err := decodeStrict(encodings["utf-16be"], b[2:])
		if err != nil {
			return "", "", fmt.Errorf("%s: not valid UTF-16BE: %v", name, err)
		}
		return finish(name, text, "utf-16be")
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", "", fmt.Errorf("%s: contains NUL bytes at byte %d: a binary file, or UTF-16 without a byte-order mark", name, bytes.IndexByte(b, 0))
	}
	if utf8.Valid(b) {
		return finish(name, string(b), "utf-8")
	}
	// Not UTF-8: try the two legacy Chinese encodings and keep the reading
	// that looks most like Chinese prose. Both decoders accept most byte
	// pairs, so validity alone cannot choose.
	best, bestEnc, bestScore := "", "", -1
	for _, cand := range []string{"gb18030", "big5"} {
		text, err := decodeStrict(encodings[cand], b)
		if err != nil {
			continue
		}
		if s := proseScore(text); s > bestScore {
			best, bestEnc, bestScore = text, cand, s
		}
	}
	if bestEnc == "" || bestScore == 0 {
		return "", "", fmt.Errorf("%s: cannot decode: not UTF-8 (invalid byte at %s), UTF-16 with a byte-order mark, GB18030 or Big5; state the encoding in meta.yaml", name, where(b, invalidAt(b)))
	}
	return finish(name, best, bestEnc)
}

func trimBOM(b []byte) []byte {
	for _, bom := range [][]byte{{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE}, {0xFE, 0xFF}} {
		if bytes.HasPrefix(b, bom) {
			return b[len(bom):]
		}
	}
	return b
}

var errReplacement = errors.New("contains bytes that have no character in this encoding")

// decodeStrict decodes b and fails when any byte sequence had to be replaced.
func decodeStrict(e encoding.Encoding, b []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	if e != unicode.UTF8 && bytes.ContainsRune(out, utf8.RuneError) && !bytes.Contains(b, []byte("\xef\xbf\xbd")) {
		return "", errReplacement
	}
	if e == unicode.UTF8 && !utf8.Valid(b) {
		return "", fmt.Errorf("invalid UTF-8 at %s", where(b, invalidAt(b)))
	}
	return string(out), nil
}

func finish(name, text, enc string) (string, string, error) {
	if i := strings.IndexByte(text, 0); i >= 0 {
		return "", "", fmt.Errorf("%s: contains a NUL character at line %d: a binary file?", name, strings.Count(text[:i], "\n")+1)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return text, enc, nil
}

// where names a byte offset of a byte-oriented text (UTF-8, GB18030, Big5,
// where a 0x0A byte is always a newline) as an editor finds it: the line
// and the byte.
func where(b []byte, off int) string {
	return fmt.Sprintf("line %d (byte %d)", bytes.Count(b[:off], []byte("\n"))+1, off)
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// frequentHan holds characters common in Chinese government prose in either
// script; a correct decoding is full of them, a wrong one is not.
var frequentHan = func() map[rune]bool {
	m := map[rune]bool{}
	const frequentHanText = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果员位入常文总次品式活设及管特件长求基资边级少统接知较将组见计别期根论运指几区强放决被做必先回则任取据处队南给保治北规领七海口东导志世金增争济阶思术极交受联认六共权收证改清己再采转更单教速带安场身车例真务具万每目至达积示议报完类名确才科信整元况今集传许步群广记需段研界且究观越织影算低持众书布复容儿须际商非验连断深难近千周委素技备办省列习响约支般史感劳便团往历市何除构府称准精值号率维划选标存候亲效院查型按格养易置层片始专状育京识适属住调满县局照参红细引听该价严這為個國們來時說會對發動過產種後學還進經與關義開當現實點從業應數師長區縣導領雲術閱讀書"
	for _, r := range frequentHanText {
		m[r] = true
	}
	return m
}()

func proseScore(text string) int {
	n := 0
	for _, r := range text {
		if frequentHan[r] {
			n++
		}
	}
	return n
}
