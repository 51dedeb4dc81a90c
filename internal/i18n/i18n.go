// Package i18n renders what Bulkops says in the user's language without Fyne, so sheets,
// sync and the command line can use it. A message is a value: its English fmt template,
// which is also its key in the Czech catalog (assets/messages), and its arguments. The
// English text is what files and logs keep; a caller that knows the user's language
// renders the same message in it.
package i18n

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/bulkops/bulkops/assets/messages"
)

// Languages the messages are written in.
const (
	English = "en"
	Czech   = "cs"
)

// Msg is one message: an English fmt template and its arguments. An argument that is a
// Msg, a Word, or any value with a method In(code string) string (an object type's noun)
// is rendered in the same language as the message; any other argument is a value (a
// cell's text, a header of Control Hub's sheet) and is printed as fmt prints it.
type Msg struct {
	Format string
	Args   []any
	other  string // a plural message's English template for n != 1 (N)
	key    string // the catalog's key when it is not Format (X)
}

// M makes a message. format must be a string literal: the tests read every call of M to
// check that each template has its Czech form.
func M(format string, args ...any) Msg { return Msg{Format: format, Args: args} }

// X is M with its own key in the catalog, for an English word that two places translate
// differently (the window's "Started" of a job's detail is "Zahájeno", the command
// line's "Zahájena"): the Czech form is looked up by key, the English is format. key
// and format must be string literals, as for M.
func X(key, format string, args ...any) Msg { return Msg{Format: format, Args: args, key: key} }

// Raw is text that is not ours to translate (a server's reason, an operating system's
// error): it is shown as it is in every language.
func Raw(s string) Msg { return Msg{Format: "%s", Args: []any{rawText(s)}} }

type rawText string

// Word is one of the catalog's words passed as an argument (a pattern hint): it is looked
// up in the catalog's words when rendered, and printed as it is when it has no entry.
type Word string

// IsZero reports whether m is the zero Msg, which says nothing.
func (m Msg) IsZero() bool { return m.Format == "" }

// String is the message in English.
func (m Msg) String() string { return m.In(English) }

// In renders the message in language code ("en", "cs"); an unknown language, or a
// template without an entry in it, gives the English text.
func (m Msg) In(code string) string {
	if m.Format == "" {
		return ""
	}
	format := m.Format
	switch {
	case m.other != "":
		format = m.pluralFormat(code)
	case code != English:
		if t, ok := catalogs(code).templates[m.catalogKey()]; ok {
			format = t
		}
	}
	if len(m.Args) == 0 {
		return format
	}
	if strings.Contains(format, "%w") { // Errorf's wrapping verb prints as %v
		format = strings.ReplaceAll(format, "%w", "%v")
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = render(a, code)
	}
	return fmt.Sprintf(format, args...)
}

// catalogKey is the key of m's forms in a catalog.
func (m Msg) catalogKey() string {
	if m.key != "" {
		return m.key
	}
	return m.Format
}

func render(a any, code string) any {
	switch v := a.(type) {
	case interface{ In(string) string }: // a Msg, or a value that knows its own words
		return v.In(code)
	case Word:
		return Text(code, string(v))
	case rawText:
		return string(v)
	}
	return a
}

// Text is one of the catalog's words (a type's title, a column's description) in
// language code, or s itself when the language has no entry for it.
func Text(code, s string) string {
	if code == English || s == "" {
		return s
	}
	if t, ok := catalogs(code).words[s]; ok {
		return t
	}
	return s
}

// Error is an error of our own that carries its message, for Of to render.
type Error struct {
	Msg     Msg
	wrapped []error
}

func (e *Error) Error() string { return e.Msg.String() }

// Unwrap gives the errors Errorf's %w wrapped, for errors.Is and errors.As.
func (e *Error) Unwrap() []error { return e.wrapped }

// Errorf makes an error whose text is M(format, args...) in English. As with
// fmt.Errorf, %w wraps an error argument; every error argument is rendered as its
// message (Of), so an error of our own inside one is translated too.
func Errorf(format string, args ...any) error {
	e := &Error{}
	args = append([]any(nil), args...)
	for i, a := range args {
		if err, ok := a.(error); ok {
			args[i] = Of(err)
			e.wrapped = append(e.wrapped, err)
		}
	}
	e.Msg = M(format, args...)
	return e
}

// Of is an error's message: its own when it is an *Error or has a method Text() Msg
// (not wrapped in another error), else its text as Raw.
func Of(err error) Msg {
	switch e := err.(type) {
	case *Error:
		return e.Msg
	case interface{ Text() Msg }:
		return e.Text()
	}
	return Raw(err.Error())
}

type catalog struct{ templates, words map[string]string }

var (
	loadOnce sync.Once
	czech    catalog
)

// catalogs returns the entries of a language; only Czech has any.
func catalogs(code string) catalog {
	if code != Czech {
		return catalog{}
	}
	loadOnce.Do(func() {
		czech.templates = mustMap("cs.json", messages.CS)
		czech.words = mustMap("catalog.cs.json", messages.CatalogCS)
	})
	return czech
}

// mustMap parses an embedded catalog; the tests parse it too, so a broken file never ships.
func mustMap(name string, b []byte) map[string]string {
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		panic("assets/messages/" + name + ": " + err.Error())
	}
	return m
}

// Detached is m holding its own copy of every text among its arguments, for a message
// kept while the memory its arguments were cut from is written over (the slabs a CSV
// file's cells are cut from: see sheets/slabs.go).
func (m Msg) Detached() Msg {
	if len(m.Args) == 0 {
		return m
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = detach(a)
	}
	m.Args = args
	return m
}

func detach(a any) any {
	switch v := a.(type) {
	case string:
		return strings.Clone(v)
	case Msg:
		return v.Detached()
	case []string:
		out := make([]string, len(v))
		for i, s := range v {
			out[i] = strings.Clone(s)
		}
		return out
	}
	if rv := reflect.ValueOf(a); rv.Kind() == reflect.String { // Word, and such types of other packages
		return reflect.ValueOf(strings.Clone(rv.String())).Convert(rv.Type()).Interface()
	}
	return a
}
