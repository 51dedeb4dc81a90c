package jobs

import "testing"

// The warning on a cell no API field takes gives the catalog note's reason in the
// user's language; the English one is what an error file would keep.
func TestUnsentReasonInCzech(t *testing.T) {
	sh := previewSheet(t, "queue", "Name,Distribution Group,Distribution Group Seq\nSales,First line,1\n")
	fs := unsent(sh)
	if len(fs) != 1 {
		t.Fatalf("%d warnings, want 1: %v", len(fs), fs)
	}
	const cs = "Distribution Group se do Webexu neodesílá: jen popisek: API pro něj nemá pole a skupiny řadí podle Distribution Group Seq"
	const en = "Distribution Group is not sent to Webex: label only: the API has no field for it and orders groups by Distribution Group Seq"
	if got := fs[0].Text.In("cs"); got != cs {
		t.Errorf("in Czech %q\nwant %q", got, cs)
	}
	if fs[0].Message != en || fs[0].Text.String() != en {
		t.Errorf("in English %q / %q\nwant %q", fs[0].Message, fs[0].Text, en)
	}
}
