package apispec

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// Exchange is one request checked against the spec, kept to check its response.
type Exchange struct {
	in *openapi3filter.RequestValidationInput
}

// options are the checks' settings; see Deviations for why read-only fields pass.
func options() *openapi3filter.Options {
	return &openapi3filter.Options{
		AuthenticationFunc:         openapi3filter.NoopAuthenticationFunc,
		MultiError:                 true,
		RegexCompiler:              compilePattern,
		ExcludeReadOnlyValidations: true,
		SkipSettingDefaults:        true,
	}
}

// CheckRequest checks a request whose body has been read into body (r.Body is not
// touched). It returns the exchange for CheckResponse and what the spec does not allow,
// each problem naming its parameter or field; an operation the spec lacks is one problem.
func (s *Spec) CheckRequest(r *http.Request, body []byte) (*Exchange, []string) {
	route, params, known := s.find(r.Method, r.URL.Path)
	if route == nil {
		if known {
			return nil, []string{"the spec has no " + r.Method + " operation on this path"}
		}
		return nil, []string{"the spec has no such path"}
	}
	req := r.Clone(context.Background())
	req.Body = io.NopCloser(bytes.NewReader(body))
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: options()}
	err := openapi3filter.ValidateRequest(context.Background(), in)
	return &Exchange{in: in}, problems(err)
}

// CheckResponse checks the response to the exchange's request.
func (x *Exchange) CheckResponse(status int, header http.Header, body []byte) []string {
	if x == nil {
		return nil
	}
	err := openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
		RequestValidationInput: x.in, Status: status, Header: header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: x.in.Options,
	})
	var out []string
	for _, p := range problems(err) {
		if !slices.ContainsFunc(Deviations, func(d Deviation) bool { return d.ignore != nil && d.ignore(x.in.Request, p) }) {
			out = append(out, p)
		}
	}
	return out
}

// problems flattens a validation error into one line per problem: "where: what".
func problems(err error) []string {
	if err == nil {
		return nil
	}
	var out []string
	var walk func(err error, where string)
	walk = func(err error, where string) {
		switch e := err.(type) {
		case openapi3.MultiError:
			for _, one := range e {
				walk(one, where)
			}
		case *openapi3filter.RequestError:
			if e.Parameter != nil {
				where = e.Parameter.In + " parameter " + e.Parameter.Name
			} else if e.RequestBody != nil {
				where = "body"
			}
			if e.Err == nil {
				out = append(out, where+": "+e.Reason)
				return
			}
			walk(e.Err, where)
		case *openapi3filter.ResponseError:
			if e.Err == nil {
				out = append(out, "response: "+e.Reason)
				return
			}
			walk(e.Err, "response body")
		case *openapi3.SchemaError:
			out = append(out, at(where, e.JSONPointer())+": "+e.Reason)
		default:
			var se *openapi3.SchemaError
			if errors.As(err, &se) {
				walk(se, where)
				return
			}
			out = append(out, strings.TrimPrefix(where+": "+err.Error(), ": "))
		}
	}
	walk(err, "")
	return out
}

// at names a field: "body items[0].item.name" from the pointer items/0/item/name.
func at(where string, pointer []string) string {
	var b strings.Builder
	for _, p := range pointer {
		if _, err := strconv.Atoi(p); err == nil {
			b.WriteString("[" + p + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	if b.Len() == 0 {
		return where
	}
	return strings.TrimSpace(where + " " + b.String())
}
