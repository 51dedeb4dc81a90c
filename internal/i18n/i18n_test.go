package i18n

import (
	"errors"
	"testing"
)

func TestMessagesRenderInEitherLanguage(t *testing.T) {
	m := M("%s must be %s; did you mean %s?", `Type`, M("%s or %s", "AGENT", "CAPACITY"), "AGENT")
	if got := m.String(); got != "Type must be AGENT or CAPACITY; did you mean AGENT?" {
		t.Errorf("English: %q", got)
	}
	if got := m.In(Czech); got != "Type musí být AGENT nebo CAPACITY; neměli jste na mysli AGENT?" {
		t.Errorf("Czech: %q", got)
	}
	// A template Czech reorders, and a word of the catalog as an argument.
	r := M("%s may contain only %s", `Name "A/B"`, Word("the letters A–Z without accents, digits, spaces, '-' and '_'"))
	if got := r.In(Czech); got != `Name "A/B" smí obsahovat jen písmena A–Z bez diakritiky, číslice, mezery, '-' a '_'` {
		t.Errorf("Czech with a word: %q", got)
	}
	if got := M("%s is required when %s, but the sheet has no %[1]s column", "Site", M("%s is filled", "Team")).In(Czech); got != "Site je povinný údaj, když Team je vyplněno, ale list nemá sloupec Site" {
		t.Errorf("Czech repeating an argument: %q", got)
	}
	if got := Raw("100% server's own").In(Czech); got != "100% server's own" {
		t.Errorf("raw text: %q", got)
	}
	if got := M("not in any catalog %d", 3).In(Czech); got != "not in any catalog 3" {
		t.Errorf("a template without Czech falls back to English: %q", got)
	}
	if got := m.In("de"); got != m.String() {
		t.Errorf("an unknown language: %q", got)
	}
}

// A keyed message reads the Czech of its key, which the window and the command line may
// translate apart, and its English is its own; it reads so again once stored.
func TestKeyedMessage(t *testing.T) {
	m := X("window: Started", "Started")
	if got := m.String(); got != "Started" {
		t.Errorf("English: %q", got)
	}
	if got, cli := m.In(Czech), M("Started").In(Czech); got != "Zahájeno" || cli != "Zahájena" {
		t.Errorf("Czech: the window's %q, the command line's %q", got, cli)
	}
	if got := Decode(Encode(m)).In(Czech); got != "Zahájeno" {
		t.Errorf("read back: %q", got)
	}
}

func TestErrorsCarryTheirMessage(t *testing.T) {
	err := Errorf("the file is damaged: its %q chunk runs past the end of the file", "LIST")
	if err.Error() != `the file is damaged: its "LIST" chunk runs past the end of the file` {
		t.Errorf("English: %q", err)
	}
	if got := Of(err).In(Czech); got != `soubor je poškozený: jeho blok "LIST" přesahuje konec souboru` {
		t.Errorf("Czech: %q", got)
	}
	if got := Of(errors.New("open x: permission denied")).In(Czech); got != "open x: permission denied" {
		t.Errorf("a foreign error: %q", got)
	}
}

func TestLanguageFromEnvironment(t *testing.T) {
	for _, tt := range []struct{ bulkops, all, messages, lang, want string }{
		{"", "", "", "", English},
		{"", "", "", "cs_CZ.UTF-8", Czech},
		{"", "C", "", "cs_CZ.UTF-8", English}, // LC_ALL wins over LANG
		{"", "", "cs_CZ", "en_US.UTF-8", Czech},
		{"en", "cs_CZ.UTF-8", "", "", English}, // BULKOPS_LANG wins over the locale
		{"cs", "", "", "de_DE", Czech},
		{"", "", "", "cs-CZ", Czech},
	} {
		t.Setenv("BULKOPS_LANG", tt.bulkops)
		t.Setenv("LC_ALL", tt.all)
		t.Setenv("LC_MESSAGES", tt.messages)
		t.Setenv("LANG", tt.lang)
		if got := FromEnv(); got != tt.want {
			t.Errorf("%+v: %q", tt, got)
		}
	}
}
