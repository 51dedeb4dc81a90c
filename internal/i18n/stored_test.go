package i18n_test

import (
	"encoding/json"
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
)

type noun string

func (n noun) In(code string) string {
	if code == i18n.Czech {
		return "fronta"
	}
	return string(n)
}

// A message kept in a store and read back renders as it did, in both languages: numbers
// stay numbers, nested messages are translated again, raw text stays as it was.
func TestStoredMessageRendersAgain(t *testing.T) {
	m := i18n.M("%s; %s", i18n.M("%s is required", "Name"), i18n.M("%s %s", noun("queue"), i18n.Raw("siteId: not found")))
	m2 := i18n.M("this row has %d values but the header has %d columns; the values after column %d would be lost", 5, 3, 3)
	for _, msg := range []i18n.Msg{m, m2} {
		back := i18n.Decode(i18n.Encode(msg))
		for _, code := range []string{i18n.English, i18n.Czech} {
			if got, want := back.In(code), msg.In(code); got != want {
				t.Errorf("%s: read back %q, want %q", code, got, want)
			}
		}
	}
	if got := i18n.Decode(i18n.Encode(m)).In(i18n.Czech); got != "Name je povinný údaj; fronta siteId: not found" {
		t.Errorf("Czech of the stored message: %q", got)
	}
	if i18n.Encode(i18n.Msg{}) != "" || !i18n.Decode("").IsZero() || !i18n.Decode("not json").IsZero() {
		t.Error("the zero message is not stored as nothing, or bad text is not read as nothing")
	}
	if got := i18n.Or(i18n.Msg{}, "as stored", i18n.Czech); got != "as stored" {
		t.Errorf("an old row without its message shows %q", got)
	}
	var back struct{ M i18n.Msg }
	b, _ := json.Marshal(struct{ M i18n.Msg }{m2})
	if err := json.Unmarshal(b, &back); err != nil || back.M.String() != m2.String() {
		t.Errorf("json round trip: %v %q", err, back.M.String())
	}
}
