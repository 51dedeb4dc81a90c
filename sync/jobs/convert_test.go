package jobs

import (
	"reflect"
	"testing"

	"github.com/bulkops/bulkops/sheets/catalog"
)

func TestToAPIAndBack(t *testing.T) {
	wrap := &catalog.Column{Header: "Wrap Up Type", Type: catalog.Enum, Values: []string{"MANUAL", "AUTO"},
		APIValues: map[string]string{"MANUAL": "false", "AUTO": "true"}}
	channel := &catalog.Column{Header: "Channel Type", Type: catalog.Enum, Values: []string{"TELEPHONY", "SOCIAL CHANNEL"},
		APIValues: map[string]string{"SOCIAL CHANNEL": "SOCIAL_CHANNEL"}}
	tests := []struct {
		col   *catalog.Column
		in    string
		api   any
		sheet string
	}{
		{&catalog.Column{Type: catalog.Integer}, "30", int64(30), "30"},
		{&catalog.Column{Type: catalog.Decimal}, "2.5", 2.5, "2.5"},
		{&catalog.Column{Type: catalog.OnOff}, "on", true, "ON"},
		{&catalog.Column{Type: catalog.OnOff}, "Off", false, "OFF"},
		{&catalog.Column{Type: catalog.Boolean}, "TRUE", true, "true"},
		{wrap, "auto", true, "AUTO"},
		{wrap, "MANUAL", false, "MANUAL"},
		{channel, "social channel", "SOCIAL_CHANNEL", "SOCIAL CHANNEL"},
		{channel, "TELEPHONY", "TELEPHONY", "TELEPHONY"},
		{&catalog.Column{Type: catalog.Text}, "+420 123", "+420 123", "+420 123"},
	}
	for _, tt := range tests {
		got, err := toAPI(tt.col, tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.api) {
			t.Errorf("toAPI(%s, %q) = %#v, %v; want %#v", tt.col.Type, tt.in, got, err, tt.api)
		}
		if back := fromAPI(tt.col, got); back != tt.sheet {
			t.Errorf("fromAPI(%s, %#v) = %q; want %q", tt.col.Type, got, back, tt.sheet)
		}
	}
	if _, err := toAPI(&catalog.Column{Type: catalog.Integer}, "ten"); err == nil || err.Error() != `"ten" is not a whole number` {
		t.Errorf("bad integer: got %v", err)
	}
}

func TestSplitList(t *testing.T) {
	if got := splitList(" A | B||C "); !reflect.DeepEqual(got, []string{"A", "B", "C"}) {
		t.Errorf("splitList: %q", got)
	}
}
