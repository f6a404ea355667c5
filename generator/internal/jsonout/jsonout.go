// Package jsonout writes JSON with the bytes encoding/json writes, faster.
//
// The generator writes tens of thousands of front matters and records, and
// encoding/json spent a third of publish on them: reflection on every
// value, a validating pass over every byte of Chinese text, then a second
// pass (json.Indent) to lay the result out. Append walks the value once,
// with one encoder per type built on first sight, copies strings that need
// no escaping whole, and writes the indented layout directly. Whatever it
// does not handle itself — floats, []byte, types with their own
// MarshalJSON or MarshalText, map keys that are not strings, structs whose
// fields collide — it hands to encoding/json, so the output is always
// encoding/json's; the tests compare the two on every kind of value.
package jsonout

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Append appends the JSON of v to dst, as json.MarshalIndent(v, "", indent)
// writes it.
func Append(dst []byte, v any, indent string) ([]byte, error) {
	return appendValue(encodeState{buf: dst, indent: indent}, v)
}

// AppendCompact appends the JSON of v to dst, as json.Marshal writes it.
func AppendCompact(dst []byte, v any) ([]byte, error) {
	return appendValue(encodeState{buf: dst, compact: true}, v)
}

func appendValue(e encodeState, v any) ([]byte, error) {
	if v == nil {
		return append(e.buf, "null"...), nil
	}
	encoderOf(reflect.TypeOf(v))(&e, reflect.ValueOf(v), 0)
	return e.buf, e.err
}

type encodeState struct {
	buf     []byte
	indent  string
	compact bool // json.Marshal's layout: no line breaks, no space after a key
	err     error
}

// newline starts a line at depth, or, compact, does nothing.
func (e *encodeState) newline(depth int) {
	if e.compact {
		return
	}
	e.buf = append(e.buf, '\n')
	for range depth {
		e.buf = append(e.buf, e.indent...)
	}
}

// encoderFunc writes v, a value of the type it was built for, at depth
// (the indentation of the line it starts on).
type encoderFunc func(e *encodeState, v reflect.Value, depth int)

var encoders sync.Map // reflect.Type → encoderFunc

func encoderOf(t reflect.Type) encoderFunc {
	if f, ok := encoders.Load(t); ok {
		return f.(encoderFunc)
	}
	// A recursive type reaches itself while its encoder is being built:
	// it gets a stand-in that waits for the real one.
	var (
		wg sync.WaitGroup
		f  encoderFunc
	)
	wg.Add(1)
	stand, loaded := encoders.LoadOrStore(t, encoderFunc(func(e *encodeState, v reflect.Value, depth int) {
		wg.Wait()
		f(e, v, depth)
	}))
	if loaded {
		return stand.(encoderFunc)
	}
	f = newEncoder(t)
	wg.Done()
	encoders.Store(t, f)
	return f
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// ownsEncoding reports whether t, or a pointer to it, chooses its own
// JSON.
func ownsEncoding(t reflect.Type) bool {
	for _, u := range []reflect.Type{t, reflect.PointerTo(t)} {
		if u.Implements(marshalerType) || u.Implements(textMarshalerType) {
			return true
		}
	}
	return false
}

func newEncoder(t reflect.Type) encoderFunc {
	if ownsEncoding(t) {
		return viaEncodingJSON
	}
	switch t.Kind() {
	case reflect.String:
		return func(e *encodeState, v reflect.Value, _ int) { e.buf = AppendString(e.buf, v.String()) }
	case reflect.Bool:
		return func(e *encodeState, v reflect.Value, _ int) { e.buf = strconv.AppendBool(e.buf, v.Bool()) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(e *encodeState, v reflect.Value, _ int) { e.buf = strconv.AppendInt(e.buf, v.Int(), 10) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(e *encodeState, v reflect.Value, _ int) { e.buf = strconv.AppendUint(e.buf, v.Uint(), 10) }
	case reflect.Interface:
		return encodeInterface
	case reflect.Pointer:
		elem := encoderOf(t.Elem())
		return func(e *encodeState, v reflect.Value, depth int) {
			if v.IsNil() {
				e.buf = append(e.buf, "null"...)
				return
			}
			elem(e, v.Elem(), depth)
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return viaEncodingJSON // base64
		}
		return newArrayEncoder(t, true)
	case reflect.Array:
		return newArrayEncoder(t, false)
	case reflect.Map:
		if t.Key().Kind() != reflect.String || ownsEncoding(t.Key()) {
			return viaEncodingJSON
		}
		return newMapEncoder(t)
	case reflect.Struct:
		return newStructEncoder(t)
	}
	return viaEncodingJSON // floats above all, whose layout encoding/json decides
}

// viaEncodingJSON writes v with encoding/json, laid out at depth.
func viaEncodingJSON(e *encodeState, v reflect.Value, depth int) {
	b, err := json.Marshal(v.Interface())
	if err != nil {
		if e.err == nil {
			e.err = err
		}
		return
	}
	if e.compact {
		e.buf = append(e.buf, b...)
		return
	}
	e.buf = appendIndented(e.buf, b, e.indent, depth)
}

// colon ends a key.
func (e *encodeState) colon() {
	if e.compact {
		e.buf = append(e.buf, ':')
		return
	}
	e.buf = append(e.buf, ':', ' ')
}

func encodeInterface(e *encodeState, v reflect.Value, depth int) {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	elem := v.Elem()
	encoderOf(elem.Type())(e, elem, depth)
}

func newArrayEncoder(t reflect.Type, slice bool) encoderFunc {
	elem := encoderOf(t.Elem())
	return func(e *encodeState, v reflect.Value, depth int) {
		if slice && v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		n := v.Len()
		if n == 0 {
			e.buf = append(e.buf, "[]"...)
			return
		}
		e.buf = append(e.buf, '[')
		for i := range n {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(depth + 1)
			elem(e, v.Index(i), depth+1)
		}
		e.newline(depth)
		e.buf = append(e.buf, ']')
	}
}

func newMapEncoder(t reflect.Type) encoderFunc {
	elem := encoderOf(t.Elem())
	return func(e *encodeState, v reflect.Value, depth int) {
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		if v.Len() == 0 {
			e.buf = append(e.buf, "{}"...)
			return
		}
		type entry struct {
			key string
			val reflect.Value
		}
		entries := make([]entry, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			entries = append(entries, entry{it.Key().String(), it.Value()})
		}
		slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
		e.buf = append(e.buf, '{')
		for i, en := range entries {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(depth + 1)
			e.buf = AppendString(e.buf, en.key)
			e.colon()
			elem(e, en.val, depth+1)
		}
		e.newline(depth)
		e.buf = append(e.buf, '}')
	}
}

// field is a struct field as encoding/json writes it.
type field struct {
	key       []byte // the quoted name
	index     []int
	omitEmpty bool
	encode    encoderFunc
}

func newStructEncoder(t reflect.Type) encoderFunc {
	fields, ok := structFields(t)
	if !ok {
		return viaEncodingJSON
	}
	return func(e *encodeState, v reflect.Value, depth int) {
		open := false
		for i := range fields {
			f := &fields[i]
			fv := v.FieldByIndex(f.index)
			if f.omitEmpty && isEmpty(fv) {
				continue
			}
			if open {
				e.buf = append(e.buf, ',')
			} else {
				e.buf = append(e.buf, '{')
				open = true
			}
			e.newline(depth + 1)
			e.buf = append(e.buf, f.key...)
			e.colon()
			f.encode(e, fv, depth+1)
		}
		if !open {
			e.buf = append(e.buf, "{}"...)
			return
		}
		e.newline(depth)
		e.buf = append(e.buf, '}')
	}
}

// structFields lists the fields of t in encoding/json's order: declaration
// order, with the fields of an untagged embedded struct in its place. It
// declines (ok false) what it would have to arbitrate the way encoding/json
// does: two fields with one name, embedded pointers, tag options other
// than omitempty, names encoding/json would not accept.
func structFields(t reflect.Type) (fields []field, ok bool) {
	seen := map[string]bool{}
	var walk func(t reflect.Type, index []int) bool
	walk = func(t reflect.Type, index []int) bool {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if opts != "" && opts != "omitempty" {
				return false
			}
			idx := append(slices.Clip(index), i)
			if sf.Anonymous && name != "" {
				return false
			}
			if sf.Anonymous {
				if sf.Type.Kind() != reflect.Struct || ownsEncoding(sf.Type) {
					return false
				}
				if !walk(sf.Type, idx) {
					return false
				}
				continue
			}
			if !sf.IsExported() {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			if !plainName(name) || seen[name] {
				return false
			}
			seen[name] = true
			fields = append(fields, field{
				key: AppendString(nil, name), index: idx, omitEmpty: opts == "omitempty",
				encode: encoderOf(sf.Type),
			})
		}
		return true
	}
	return fields, walk(t, nil)
}

// plainName reports whether a tag name is one encoding/json takes as it is:
// letters, digits and a few punctuation marks.
func plainName(s string) bool {
	for _, c := range s {
		switch {
		case c == '_' || c == '-' || c == '.' || c == '$' || c == '@':
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c > 127 && (unicode.IsLetter(c) || unicode.IsDigit(c)):
		default:
			return false
		}
	}
	return s != ""
}

// isEmpty is encoding/json's test for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}
