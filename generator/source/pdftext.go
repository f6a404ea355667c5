package source

import (
	"math"

	"github.com/ledongthuc/pdf"
)

// glyph is one character of a page's text layer where it is drawn.
type glyph struct {
	x, y float64 // user space, points; y grows upwards
	w    float64 // advance width, points
	size float64 // font size, points
	s    string  // the character(s), through the font's ToUnicode map
}

// matrix is a PDF transformation matrix [a b 0; c d 0; e f 1].
type matrix [3][3]float64

var identity = matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func (x matrix) mul(y matrix) matrix {
	var z matrix
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				z[i][j] += x[i][k] * y[k][j]
			}
		}
	}
	return z
}

func translate(tx, ty float64) matrix { return matrix{{1, 0, 0}, {0, 1, 0}, {tx, ty, 1}} }

// pdfFont is a page font as the walker needs it: how wide its codes are,
// how to read them, and their advance widths (the reader's Content()
// gives CID fonts' glyphs no width and adds a stray character after each
// TJ array, which is why the text is walked here).
type pdfFont struct {
	enc     pdf.TextEncoding
	uni     *toUnicode // the font's ToUnicode map, which wins over enc
	twoByte bool       // a Type0 font: two-byte codes (Identity-H, UniGB-UCS2-H …)
	widths  map[int]float64
	dw      float64 // default width, thousandths of an em (0: unknown)
	first   int
	simple  []float64 // a simple font's /Widths from /FirstChar
	scale   float64   // from width units to text space: 1/1000, or a Type3 font's FontMatrix
	decoded map[string]string
}

func loadFont(v pdf.Value) *pdfFont {
	f := &pdfFont{widths: map[int]float64{}, decoded: map[string]string{}, scale: 0.001}
	pf := pdf.Font{V: v}
	f.enc = pf.Encoder()
	f.uni = readToUnicode(v.Key("ToUnicode"))
	if v.Key("Subtype").Name() == "Type3" {
		if fm := v.Key("FontMatrix"); fm.Len() == 6 && fm.Index(0).Float64() > 0 {
			f.scale = fm.Index(0).Float64()
		}
	}
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		f.dw = 1000
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		w := d.Key("W")
		for i := 0; i < w.Len(); {
			c := int(w.Index(i).Int64())
			if i+1 < w.Len() && w.Index(i+1).Kind() == pdf.Array {
				arr := w.Index(i + 1)
				for j := 0; j < arr.Len(); j++ {
					f.widths[c+j] = arr.Index(j).Float64()
				}
				i += 2
				continue
			}
			if i+2 < w.Len() {
				last := int(w.Index(i + 1).Int64())
				for k := c; k <= last && k-c < 65536; k++ {
					f.widths[k] = w.Index(i + 2).Float64()
				}
			}
			i += 3
		}
		return f
	}
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len(); i++ {
		f.simple = append(f.simple, ws.Index(i).Float64())
	}
	return f
}

// width is a code's advance in the font's width units (thousandths of an
// em; glyph space for Type3), 0 when the font does not say.
func (f *pdfFont) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.widths[code]; ok {
			return w
		}
		return f.dw
	}
	if i := code - f.first; i >= 0 && i < len(f.simple) {
		return f.simple[i]
	}
	return 0
}

func (f *pdfFont) decode(code string) string {
	if s, ok := f.decoded[code]; ok {
		return s
	}
	var s string
	if text, ok := f.uniLookup(code); ok {
		s = text
	} else {
		s = f.enc.Decode(code)
	}
	f.decoded[code] = s
	return s
}

func (f *pdfFont) uniLookup(code string) (string, bool) {
	if f.uni == nil {
		return "", false
	}
	return f.uni.lookup(code)
}

// textState is the graphics and text state the walker follows.
type textState struct {
	ctm, tm, tlm                matrix
	font                        *pdfFont
	size, tc, tw, th, tl, trise float64
}

// pageGlyphs walks a page's content stream, and the form XObjects it
// draws (some producers put the text in those), and returns its
// characters where they are drawn, in drawing order.
func pageGlyphs(p pdf.Page) []glyph {
	contents := p.V.Key("Contents")
	if contents.IsNull() {
		return nil
	}
	var out []glyph
	walkContent(contents, p.Resources(), textState{ctm: identity, tm: identity, tlm: identity, th: 1}, 0, &out)
	return out
}

// walkContent interprets one content stream with its resources from the
// state g, appending the characters it draws to out.
func walkContent(contents, resources pdf.Value, g textState, depth int, out *[]glyph) {
	fonts := map[string]*pdfFont{}
	res := resources.Key("Font")
	var stack []textState
	show := func(s string) {
		f := g.font
		if f == nil {
			return
		}
		n := 1
		if f.twoByte {
			n = 2
		}
		for i := 0; i+n <= len(s); i += n {
			raw := s[i : i+n]
			code := int(raw[0])
			if n == 2 {
				code = code<<8 | int(raw[1])
			}
			w0 := f.width(code) * f.scale
			trm := matrix{{g.size * g.th, 0, 0}, {0, g.size, 0}, {0, g.trise, 1}}.mul(g.tm).mul(g.ctm)
			size := math.Hypot(trm[1][0], trm[1][1])
			if text := f.decode(raw); text != "" {
				*out = append(*out, glyph{x: trm[2][0], y: trm[2][1], w: w0 * math.Hypot(trm[0][0], trm[0][1]), size: size, s: text})
			}
			tx := w0*g.size + g.tc
			if n == 1 && raw[0] == ' ' {
				tx += g.tw
			}
			g.tm = translate(tx*g.th, 0).mul(g.tm)
		}
	}
	nextLine := func() {
		g.tlm = translate(0, -g.tl).mul(g.tlm)
		g.tm = g.tlm
	}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			stack = append(stack, g)
		case "Q":
			if len(stack) > 0 {
				g, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = matrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}.mul(g.ctm)
			}
		case "BT":
			g.tm, g.tlm = identity, identity
		case "Do":
			// A form XObject: its content, in its own resources (or the
			// page's), under its matrix. Forms nest; eight deep is plenty.
			if len(args) != 1 || depth >= 8 {
				break
			}
			xo := resources.Key("XObject").Key(args[0].Name())
			if xo.Kind() != pdf.Stream || xo.Key("Subtype").Name() != "Form" {
				break
			}
			sub := g
			if m := xo.Key("Matrix"); m.Len() == 6 {
				sub.ctm = matrix{{m.Index(0).Float64(), m.Index(1).Float64(), 0}, {m.Index(2).Float64(), m.Index(3).Float64(), 0}, {m.Index(4).Float64(), m.Index(5).Float64(), 1}}.mul(g.ctm)
			}
			r := xo.Key("Resources")
			if r.IsNull() {
				r = resources
			}
			walkContent(xo, r, sub, depth+1, out)
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				if _, ok := fonts[name]; !ok {
					fonts[name] = loadFont(res.Key(name))
				}
				g.font, g.size = fonts[name], num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.trise = num(0)
		case "Td":
			g.tlm = translate(num(0), num(1)).mul(g.tlm)
			g.tm = g.tlm
		case "TD":
			g.tl = -num(1)
			g.tlm = translate(num(0), num(1)).mul(g.tlm)
			g.tm = g.tlm
		case "Tm":
			if len(args) == 6 {
				g.tlm = matrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}
				g.tm = g.tlm
			}
		case "T*":
			nextLine()
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'":
			nextLine()
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "\"":
			if len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				nextLine()
				show(args[2].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				arr := args[0]
				for i := 0; i < arr.Len(); i++ {
					v := arr.Index(i)
					if v.Kind() == pdf.String {
						show(v.RawString())
					} else {
						g.tm = translate(-v.Float64()/1000*g.size*g.th, 0).mul(g.tm)
					}
				}
			}
		}
	})
}
