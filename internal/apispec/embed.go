package apispec

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// specGz is Cisco's spec as published (sha256 of the uncompressed file:
// fad090176bfc7850488b6f735ec74d51c3cb7e77f18654afc16a3fbe756e60fa).
//
//go:embed webex-contact-center.json.gz
var specGz []byte

// JSON returns the spec's text, uncompressed.
func JSON() []byte {
	zr, err := gzip.NewReader(bytes.NewReader(specGz))
	if err != nil {
		panic("apispec: embedded spec: " + err.Error()) // a defect of the build, caught by every test
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic("apispec: embedded spec: " + err.Error())
	}
	return b
}

// methods are the HTTP methods an OpenAPI path item may hold.
var methods = []string{http.MethodGet, http.MethodPut, http.MethodPost, http.MethodDelete,
	http.MethodOptions, http.MethodHead, http.MethodPatch, http.MethodTrace}

var ops = sync.OnceValue(func() map[string]bool {
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(JSON(), &doc); err != nil {
		panic(fmt.Sprintf("apispec: embedded spec: %v", err))
	}
	out := map[string]bool{}
	for path, item := range doc.Paths {
		for _, m := range methods {
			if _, ok := item[strings.ToLower(m)]; ok {
				out[m+" "+shape(path)] = true
			}
		}
	}
	return out
})

// Has reports whether the spec has the operation method path, where path is a template
// ("/organization/{orgid}/site/{id}"); parameter names need not be the spec's.
func Has(method, path string) bool { return ops()[method+" "+shape(path)] }

// shape replaces every {parameter} segment of a path template by {}.
func shape(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return "/" + strings.Join(segs, "/")
}

// successes holds the first 2xx status the spec documents for each operation.
var successes = sync.OnceValue(func() map[string]int {
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]json.RawMessage `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(JSON(), &doc); err != nil {
		panic(fmt.Sprintf("apispec: embedded spec: %v", err))
	}
	out := map[string]int{}
	for path, item := range doc.Paths {
		for m, op := range item {
			key := strings.ToUpper(m) + " " + shape(path)
			for code := range op.Responses {
				if n, err := strconv.Atoi(code); err == nil && n >= 200 && n < 300 && (out[key] == 0 || n < out[key]) {
					out[key] = n
				}
			}
		}
	}
	return out
})

// Success is the 2xx status the spec documents for the operation method path (the
// lowest when it documents several), 0 when it documents none: a DELETE answers 200 on
// some routes (audio-file/{id}, dial-number/{id}) and 204 on others (site/{id}).
func Success(method, path string) int { return successes()[method+" "+shape(path)] }
