package sheets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackInCatalogSpelling: "on", "Off" and "TRUE" pass the checks (Excel and people
// type them so) and are packed as the catalog spells them, by Pack and by PackFiles.
func TestPackInCatalogSpelling(t *testing.T) {
	text := "Name,Description,Default,Work Type\r\nA1,x,on,Wrap\r\nA2,TRUE,Off,Wrap\r\nA3,y,OFF,Wrap\r\n"
	dir := t.TempDir()
	in := filepath.Join(dir, "aux.csv")
	if err := os.WriteFile(in, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	want := "Name,Description,Default,Work Type\r\nA1,x,ON,Wrap\r\nA2,TRUE,OFF,Wrap\r\nA3,y,OFF,Wrap\r\n" // Description is text: as typed
	s := mustRead(t)(ReadFile(in, ReadOptions{}))
	p, err := Pack(s, filepath.Join(dir, "packed.csv"), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p.Path); string(got) != want {
		t.Errorf("Pack wrote\n%s\nwant\n%s", got, want)
	}
	p, _, err = PackFiles([]string{in}, filepath.Join(dir, "streamed.csv"), PackOptions{Read: ReadOptions{}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p.Path); !strings.EqualFold(string(got), want) || string(got) != want {
		t.Errorf("PackFiles wrote\n%s\nwant\n%s", got, want)
	}
}
