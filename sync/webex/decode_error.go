package webex

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// DecodeError builds an APIError from an error answer of any Webex host. The config
// API, other Contact Center APIs, the API gateway and the identity host each use their
// own body shape (api.md §8.1), so it walks whatever JSON it gets and keeps every
// human-readable text; a body that is not JSON becomes the reason when it is short
// plain text.
func DecodeError(status int, header http.Header, body []byte) *APIError {
	e := &APIError{Status: status}
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err == nil {
		if m, ok := v.(map[string]any); ok {
			e.fromMap(m)
		}
	} else {
		e.Reason = plainText(body)
	}
	if e.TrackingID == "" && header != nil {
		e.TrackingID = header.Get("TrackingID")
	}
	return e
}

// decodeErrorValue decodes the apiError object of one bulk item.
func decodeErrorValue(status int, raw json.RawMessage) *APIError {
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return &APIError{Status: status}
	}
	return DecodeError(status, nil, raw)
}

func (e *APIError) fromMap(m map[string]any) {
	e.TrackingID = firstString(m, "trackingId", "trackingID", "tracking_id")
	switch inner := m["error"].(type) {
	case map[string]any: // config API: {"error":{"key","reason","message":[…]}}
		e.Key = firstString(inner, "key", "code")
		e.Reason = firstString(inner, "reason")
		e.addMessages(inner["message"])
		e.addMessages(inner["messages"])
		e.referencedEntities(inner["referencedEntities"])
		if e.TrackingID == "" {
			e.TrackingID = firstString(inner, "trackingId")
		}
	case string: // OAuth: {"error":"invalid_grant","error_description":"…"}
		e.Key = inner
		e.Reason = firstString(m, "error_description")
	}
	if e.Key == "" {
		e.Key = firstString(m, "key", "code")
	}
	if e.Reason == "" {
		e.Reason = firstString(m, "reason", "title")
	}
	e.addMessages(m["message"]) // gateway / ApiError4xx / identity host
	e.addMessages(m["errors"])
	e.addMessages(m["description"])
	e.addMessages(m["detail"])
	if e.Reason == "" && len(e.Messages) > 0 {
		e.Reason, e.Messages = e.Messages[0], e.Messages[1:]
	}
}

// addMessages appends the texts found in v: a string, a list of strings or of objects
// with a description/message, or an object of field → text.
func (e *APIError) addMessages(v any) {
	switch t := v.(type) {
	case string:
		e.addMessage(t)
	case []any:
		for _, item := range t {
			e.addMessages(item)
		}
	case map[string]any:
		if text := firstString(t, "description", "message", "reason", "detail"); text != "" {
			e.addMessage(text + references(t["references"]))
			return
		}
		for k, val := range t {
			if s, ok := val.(string); ok {
				e.addMessage(k + ": " + s)
			}
		}
	}
}

func (e *APIError) addMessage(s string) {
	s = strings.TrimSpace(s)
	if s == "" || s == e.Reason {
		return
	}
	for _, m := range e.Messages {
		if m == s {
			return
		}
	}
	e.Messages = append(e.Messages, s)
}

// referencedEntities reads the live 412 of a referenced delete, whose error holds
// nothing but the types still using the object: {"error":{"referencedEntities":["user"]}}
// (dwolgast-lab/wxcc-skills mcp_server.py wxcc_delete: "Confirmed live on a 412"). It
// becomes the reason, "Referenced by other objects: user", when the server gave none.
func (e *APIError) referencedEntities(v any) {
	list, _ := v.([]any)
	for _, t := range list {
		if s, ok := t.(string); ok && strings.TrimSpace(s) != "" {
			e.ReferencedBy = append(e.ReferencedBy, strings.TrimSpace(s))
		}
	}
	if len(e.ReferencedBy) > 0 {
		e.addMessage("Referenced by other objects: " + strings.Join(e.ReferencedBy, ", "))
	}
}

// references renders the objects that block a delete, e.g. " (referenced by: Sales, EMEA)".
func references(v any) string {
	list, _ := v.([]any)
	var names []string
	for _, r := range list {
		if m, ok := r.(map[string]any); ok {
			if n := firstString(m, "name", "id"); n != "" {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " (referenced by: " + strings.Join(names, ", ") + ")"
}

// firstString returns the first of keys that holds a string or number.
func firstString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		switch v := m[k].(type) {
		case string:
			if v != "" {
				return v
			}
		case json.Number:
			return v.String()
		case float64:
			return fmt.Sprint(v)
		}
	}
	return ""
}

// plainText keeps a short non-HTML body as the reason; anything else says nothing better
// than the status line.
func plainText(body []byte) string {
	s := strings.TrimSpace(string(body))
	if s == "" || !utf8.ValidString(s) || strings.HasPrefix(s, "<") {
		return ""
	}
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}
