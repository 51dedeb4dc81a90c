package namekey

import "testing"

func TestKey(t *testing.T) {
	same := [][2]string{
		{"Zo\u00eb Team", "Zoe\u0308 Team"}, // NFC and NFD
		{"Case Team", "CASE TEAM"},
		{"Straße", "STRASSE"},
		{" Sales ", "sales"},
		{"ŽLUŤOUČKÝ", "žluťoučký"},
	}
	for _, p := range same {
		if !Same(p[0], p[1]) {
			t.Errorf("%q and %q are not one name: %q, %q", p[0], p[1], Key(p[0]), Key(p[1]))
		}
	}
	differ := [][2]string{{"Team 1", "Team 2"}, {"Zoe Team", "Zoë Team"}, {"a b", "ab"}}
	for _, p := range differ {
		if Same(p[0], p[1]) {
			t.Errorf("%q and %q are one name", p[0], p[1])
		}
	}
}

func BenchmarkKeyASCII(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Key("work type 123456")
	}
}
