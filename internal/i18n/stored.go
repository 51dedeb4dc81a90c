package i18n

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// A stored message keeps what it needs to be rendered again in any language after a
// restart: the job store keeps the messages of failed rows and jobs this way. Each
// argument is kept as what it is, so that a number stays a number for %d and a nested
// message is translated again; a value that renders itself (an object type's noun) is
// kept as its text in every language Bulkops has.

type storedMsg struct {
	F string      `json:"f"`
	O string      `json:"o,omitempty"` // a plural message's other form (N)
	K string      `json:"k,omitempty"` // the catalog's key when it is not F (X)
	A []storedArg `json:"a,omitempty"`
}

type storedArg struct {
	M *storedMsg        `json:"m,omitempty"` // a nested message
	W *string           `json:"w,omitempty"` // a catalog word
	R *string           `json:"r,omitempty"` // raw text
	S *string           `json:"s,omitempty"` // a string value
	I *int64            `json:"i,omitempty"` // an integer value
	N *float64          `json:"n,omitempty"` // another number
	T map[string]string `json:"t,omitempty"` // a value that renders itself, per language
}

// MarshalJSON keeps the message with its arguments; the zero Msg is null.
func (m Msg) MarshalJSON() ([]byte, error) {
	if m.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(store(m))
}

// UnmarshalJSON reads a message MarshalJSON wrote.
func (m *Msg) UnmarshalJSON(b []byte) error {
	var s *storedMsg
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == nil {
		*m = Msg{}
		return nil
	}
	*m = restore(*s)
	return nil
}

func store(m Msg) storedMsg {
	s := storedMsg{F: m.Format, O: m.other, K: m.key}
	for _, a := range m.Args {
		s.A = append(s.A, storeArg(a))
	}
	return s
}

func storeArg(a any) storedArg {
	switch v := a.(type) {
	case Msg:
		sm := store(v)
		return storedArg{M: &sm}
	case Word:
		w := string(v)
		return storedArg{W: &w}
	case rawText:
		r := string(v)
		return storedArg{R: &r}
	case interface{ In(string) string }:
		return storedArg{T: map[string]string{English: v.In(English), Czech: v.In(Czech)}}
	case string:
		return storedArg{S: &v}
	}
	switch r := reflect.ValueOf(a); r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i := r.Int()
		return storedArg{I: &i}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		i := int64(r.Uint())
		return storedArg{I: &i}
	case reflect.Float32, reflect.Float64:
		f := r.Float()
		return storedArg{N: &f}
	}
	s := fmt.Sprint(a) // a time, a status: kept as the text it prints
	return storedArg{S: &s}
}

func restore(s storedMsg) Msg {
	m := Msg{Format: s.F, other: s.O, key: s.K}
	for _, a := range s.A {
		m.Args = append(m.Args, restoreArg(a))
	}
	return m
}

func restoreArg(a storedArg) any {
	switch {
	case a.M != nil:
		return restore(*a.M)
	case a.W != nil:
		return Word(*a.W)
	case a.R != nil:
		return rawText(*a.R)
	case a.I != nil:
		return *a.I
	case a.N != nil:
		return *a.N
	case a.T != nil:
		return texts(a.T)
	case a.S != nil:
		return *a.S
	}
	return ""
}

// texts is a value stored in every language.
type texts map[string]string

func (t texts) In(code string) string {
	if s, ok := t[code]; ok {
		return s
	}
	return t[English]
}

// Join is msgs one after the other, separated by "; ", as one message.
func Join(msgs []Msg) Msg {
	if len(msgs) == 0 {
		return Msg{}
	}
	out := msgs[0]
	for _, m := range msgs[1:] {
		out = M("%s; %s", out, m)
	}
	return out
}

// Encode is m as JSON for a store, "" for the zero Msg.
func Encode(m Msg) string {
	if m.IsZero() {
		return ""
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// Decode reads what Encode wrote; "" or text it cannot read gives the zero Msg, and the
// caller shows the English text it kept beside it.
func Decode(s string) Msg {
	var m Msg
	if strings.TrimSpace(s) == "" || json.Unmarshal([]byte(s), &m) != nil {
		return Msg{}
	}
	return m
}

// Or is m in language code, or english when m is the zero Msg (a message stored before
// Bulkops kept them, or one that is not ours).
func Or(m Msg, english, code string) string {
	if m.IsZero() {
		return english
	}
	return m.In(code)
}
