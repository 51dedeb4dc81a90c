package main

import (
	"strings"
	"testing"
)

// validate prints findings in the language of the locale, or of BULKOPS_LANG, which wins.
func TestValidateSpeaksTheLocalesLanguage(t *testing.T) {
	bad := writeFile(t, "teams.csv", "Name,Site,Type,Multimedia Profile,Skill Profile,DN,Capacity,Desktop Layout\n,Prague,AGNET,,,,,\n")
	t.Setenv("BULKOPS_LANG", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "cs_CZ.UTF-8")
	code, out, errs := runCLI(t, "validate", bad)
	if code != 1 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{
		bad + ":2:Name: chyba: Name je povinný údaj\n",
		bad + ":2:Type: chyba: Type musí být AGENT nebo CAPACITY; neměli jste na mysli AGENT?\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if want := "chyby: 2, varování: 0, souborů: 1"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q lacks %q", errs, want)
	}
	t.Setenv("BULKOPS_LANG", "en")
	if _, out, _ := runCLI(t, "validate", bad); !strings.Contains(out, bad+":2:Name: error: Name is required\n") {
		t.Errorf("BULKOPS_LANG=en does not win over LANG:\n%s", out)
	}
}
