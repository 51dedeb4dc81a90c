package jobs

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
)

// splitList splits a multi-value cell at the catalog's separator, dropping empty items.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, catalog.ListSeparator) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// toAPI converts one value of a column (not a reference) to the API's type: integers and
// decimals to numbers, ON/OFF and true/false to booleans, enum values through the
// column's apiValues (where the API's spelling is a boolean, as Wrap Up Type's is, to
// that boolean), anything else as written.
func toAPI(c *catalog.Column, v string) (any, error) {
	switch c.Type {
	case catalog.Integer:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, i18n.Errorf("%q is not a whole number", v)
		}
		return n, nil
	case catalog.Decimal:
		f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
		if err != nil {
			return nil, i18n.Errorf("%q is not a number", v)
		}
		return f, nil
	case catalog.OnOff, catalog.Boolean:
		b, ok := parseBool(v)
		if !ok {
			return nil, i18n.Errorf("%q is not ON or OFF", v)
		}
		return b, nil
	case catalog.Enum:
		s := apiValue(c, v)
		if s == "true" || s == "false" {
			return s == "true", nil
		}
		return s, nil
	}
	return v, nil
}

// parseBool reads the spellings of yes and no a sheet may hold.
func parseBool(v string) (bool, bool) {
	switch strings.ToUpper(strings.TrimSpace(v)) {
	case "ON", "TRUE", "YES", "Y", "1", "ENABLED":
		return true, true
	case "OFF", "FALSE", "NO", "N", "0", "DISABLED":
		return false, true
	}
	return false, false
}

// apiValue maps a sheet value to the API's spelling (matched without regard to case).
func apiValue(c *catalog.Column, v string) string {
	for k, a := range c.APIValues {
		if strings.EqualFold(k, v) {
			return a
		}
	}
	return v
}

// fromAPI renders an API value as a cell of column c: booleans as ON/OFF (or true/false
// for boolean columns), numbers as written, enum values back through apiValues.
func fromAPI(c *catalog.Column, v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case bool:
		if c.Type == catalog.Enum {
			return sheetValue(c, strconv.FormatBool(t))
		}
		if c.Type == catalog.Boolean {
			return strconv.FormatBool(t)
		}
		if t {
			return "ON"
		}
		return "OFF"
	case json.Number:
		return t.String()
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case int64:
		return strconv.FormatInt(t, 10)
	case int:
		return strconv.Itoa(t)
	case string:
		if c.Type == catalog.Enum {
			return sheetValue(c, t)
		}
		return t
	case []any:
		parts := make([]string, 0, len(t))
		for _, e := range t {
			if s := fromAPI(c, e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, catalog.ListSeparator)
	}
	return fmt.Sprint(v)
}

// sheetValue maps an API spelling back to the sheet's (SOCIAL_CHANNEL → SOCIAL CHANNEL).
func sheetValue(c *catalog.Column, a string) string {
	for k, v := range c.APIValues {
		if v == a {
			return k
		}
	}
	for _, k := range c.Values { // the catalog's own casing of a value the API sends
		if strings.EqualFold(k, a) {
			return k
		}
	}
	return a
}
