package sheets

import "testing"

func TestSuggest(t *testing.T) {
	sites := []string{"Prague", "Brno", "Ostrava", "New York", "Newark"}
	tests := []struct {
		names []string
		v     string
		want  string
	}{
		{[]string{"AGENT", "CAPACITY"}, "AGNET", "AGENT"}, // a swap is one edit
		{[]string{"AGENT", "CAPACITY"}, "agent", "AGENT"}, // case only
		{[]string{"AGENT", "CAPACITY"}, "capacty", "CAPACITY"},
		{[]string{"AGENT", "CAPACITY"}, "robot", ""},
		{sites, "Praha", "Prague"},
		{sites, "prague", "Prague"},
		{sites, "Brn", "Brno"},
		{sites, "New Yrok", "New York"},
		{sites, "Newrk", "Newark"},
		{sites, "Tokyo", ""},
		{sites, "", ""},
		{[]string{"ON", "OFF"}, "NO", "ON"},
		{[]string{"b", "a"}, "c", "a"}, // a tie goes to the name sorting first
		{nil, "x", ""},
	}
	for _, tt := range tests {
		if got := newSuggester(tt.names).suggest(tt.v); got != tt.want {
			t.Errorf("suggest(%q) among %q = %q, want %q", tt.v, tt.names, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"AGNET", "AGENT", 5, 1},
		{"kitten", "sitting", 5, 3},
		{"", "abc", 5, 3},
		{"abc", "abc", 5, 0},
		{"praha", "prague", 5, 3},
		{"abcdef", "uvwxyz", 2, 3}, // stops past the limit
		{"ž", "z", 1, 1},
	}
	for _, tt := range tests {
		if got := editDistance([]rune(tt.a), []rune(tt.b), tt.limit); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// TestSuggestManyNames: beyond suggestMaxScan names only a different-case spelling is
// offered, so a huge organization cannot stall a check.
func TestSuggestManyNames(t *testing.T) {
	names := make([]string, suggestMaxScan+1)
	for i := range names {
		names[i] = "Team " + itoa(i)
	}
	g := newSuggester(names)
	if got := g.suggest("team 42"); got != "Team 42" {
		t.Errorf("case-only match: got %q", got)
	}
	if got := g.suggest("Taem 42"); got != "" {
		t.Errorf("edit-distance search over %d names: got %q, want none", len(names), got)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

// The exported forms answer as the checker's own: Suggest for one value, a Suggester for
// many, from several goroutines at once (the job engine's workers).
func TestSuggestExported(t *testing.T) {
	profiles := []string{"Voice Only", "Digital Only", "Blended Digital"}
	tests := []struct {
		v    string
		want string
	}{
		{"Voice Onyl", "Voice Only"},
		{"voice only", "Voice Only"},
		{" Digital Onl ", "Digital Only"},
		{"Voice Only", ""}, // a name is never its own suggestion
		{"Telephony", ""},
	}
	g := NewSuggester(profiles)
	for _, tt := range tests {
		if got := Suggest(tt.v, profiles); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.v, got, tt.want)
		}
		if got := g.Suggest(tt.v); got != tt.want {
			t.Errorf("Suggester.Suggest(%q) = %q, want %q", tt.v, got, tt.want)
		}
	}
	done := make(chan string)
	for range 4 {
		go func() { done <- g.Suggest("Blended Digitl") }()
	}
	for range 4 {
		if got := <-done; got != "Blended Digital" {
			t.Errorf("concurrent Suggest = %q", got)
		}
	}
}
