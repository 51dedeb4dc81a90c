package sheets

import (
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
)

// A reader's error is shown in Czech through i18n.Of, each of the rows longer than the
// header on a line of its own, the English text unchanged.
func TestReadErrorsInCzech(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("Name,Multimedia Profile\nPrague,Voice Only,x\nBrno,Voice Only,y,z\n"), "sites.csv", ReadOptions{})
	if err == nil {
		t.Fatal("rows longer than the header were read")
	}
	want := "sites.csv:2: 3 buněk, ale záhlaví jich má 2 (sloupec C je bez záhlaví); hodnota s oddělovačem mimo uvozovky? Dejte takové hodnoty do dvojitých uvozovek\n" +
		"sites.csv:3: 4 buněk, ale záhlaví jich má 2 (sloupce C až D jsou bez záhlaví); hodnota s oddělovačem mimo uvozovky? Dejte takové hodnoty do dvojitých uvozovek"
	if got := i18n.Of(err).In(i18n.Czech); got != want {
		t.Errorf("in Czech:\n%s\nwant\n%s", got, want)
	}
	if got := i18n.Of(err).In(i18n.English); got != err.Error() {
		t.Errorf("in English %q, Error() %q", got, err.Error())
	}
	_, err = ReadCSV(strings.NewReader("Name,\"Multimedia Profile\nPrague"), "sites.csv", ReadOptions{})
	if got, want := i18n.Of(err).In(i18n.Czech), `sites.csv:1: hodnota v uvozovkách, která začíná na řádku 1, není správně uzavřena (řádek 2, znak 7); " uvnitř uvozovek musí být zdvojené`; got != want {
		t.Errorf("in Czech %q, want %q", got, want)
	}
}

// Pack's refusal names its first error in Czech.
func TestPackRefusalInCzech(t *testing.T) {
	s, err := ReadCSV(strings.NewReader("Name,Multimedia Profile\nPrague,\nBrno,\n"), "sites.csv", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Pack(s, t.TempDir()+"/out.csv", DefaultLimits)
	want := "nelze zabalit: 2 chyb, první: sites.csv:2:Multimedia Profile: chyba: Multimedia Profile je povinný údaj"
	if got := i18n.Of(err).In(i18n.Czech); got != want {
		t.Errorf("in Czech %q, want %q", got, want)
	}
}
