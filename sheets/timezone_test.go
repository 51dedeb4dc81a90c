package sheets

import (
	"archive/zip"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // so LoadLocation finds every zone on any machine running the test
)

// TestTimeZonesMatchGoroot keeps the embedded list equal to the IANA database Go ships.
func TestTimeZonesMatchGoroot(t *testing.T) {
	//lint:ignore SA1019 the database to match is the one of the Go that runs the test
	zr, err := zip.OpenReader(filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Skipf("no zoneinfo.zip in GOROOT: %v", err)
	}
	defer zr.Close()
	var want []string
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, "/") && f.Name != "Factory" {
			want = append(want, f.Name)
		}
	}
	slices.Sort(want)
	got := strings.Fields(ianaZoneNames)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("the embedded zone list differs from %s (%d names, want %d): regenerate timezone.go", zr.File[0].Name, len(got), len(want))
	}
}

// TestTimeZonesLoad: every name accepted is one Go (and so the sandbox and the job
// engine) can load.
func TestTimeZonesLoad(t *testing.T) {
	for _, z := range strings.Fields(ianaZoneNames) {
		if _, err := time.LoadLocation(z); err != nil {
			t.Errorf("%s: %v", z, err)
		}
	}
	if got := suggestTimeZone("america/new_york"); got != "America/New_York" {
		t.Errorf("suggestTimeZone = %q", got)
	}
}
