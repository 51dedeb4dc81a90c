package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
)

// readBody reads the whole request body, turning an oversized one into 413.
func readBody(r *http.Request) ([]byte, *itemError) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, bodyError(err)
	}
	return b, nil
}

// bodyError explains a failure to read the body: 413 when it is over the limit.
func bodyError(err error) *itemError {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return newItemError(http.StatusRequestEntityTooLarge, "",
			"Request body is larger than "+strconv.FormatInt(tooBig.Limit, 10)+" bytes")
	}
	return newItemError(http.StatusBadRequest, "", "Could not read the request body: "+err.Error())
}

// decodeJSON reads a JSON request body into v (numbers as json.Number). Like a Spring
// service it wants Content-Type application/json.
func decodeJSON(r *http.Request, v any) *itemError {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		return newItemError(http.StatusUnsupportedMediaType, "",
			"Content-Type '"+r.Header.Get("Content-Type")+"' is not supported; send application/json")
	}
	b, e := readBody(r)
	if e != nil {
		return e
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return newItemError(http.StatusBadRequest, "", "JSON parse error: "+err.Error())
	}
	if dec.More() {
		return newItemError(http.StatusBadRequest, "", "JSON parse error: data after the JSON value")
	}
	return nil
}
