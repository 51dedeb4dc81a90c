package jobs

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulkops/bulkops/internal/i18n"
)

// A job cannot end while rows have no outcome; the refusal counts them in plural forms,
// Czech's three too.
func TestFinishRefusesPendingRows(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), DBName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, tt := range []struct {
		rows      int
		en, czech string
	}{
		{1, "1 row of job %s has no outcome yet", "1 řádek úlohy %s ještě nemá výsledek"},
		{3, "3 rows of job %s have no outcome yet", "3 řádky úlohy %s ještě nemají výsledek"},
		{5, "5 rows of job %s have no outcome yet", "5 řádků úlohy %s ještě nemá výsledek"},
	} {
		rs := make([]Row, tt.rows)
		for k := range rs {
			rs[k] = Row{Seq: k, Unit: k, Number: k + 2, Cells: []string{fmt.Sprintf("Site %d", k)}}
		}
		j, err := s.create(ctx, Job{FileName: "sites.csv", Object: "site", Status: New, SubmittedBy: "x", OrgID: fmt.Sprint("org-", tt.rows), Total: tt.rows},
			Package{Name: "sites.csv", Data: []byte("Name\n")}, []File{{Name: "sites.csv", Header: []string{"Name"}}}, rs, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.finish(ctx, j.ID, i18n.Msg{})
		if err == nil {
			t.Fatalf("%d pending rows: the job ended", tt.rows)
		}
		if got, want := err.Error(), fmt.Sprintf(tt.en, j.ID); got != want {
			t.Errorf("%q, want %q", got, want)
		}
		if got, want := i18n.Of(err).In(i18n.Czech), fmt.Sprintf(tt.czech, j.ID); !strings.EqualFold(got, want) {
			t.Errorf("in Czech %q, want %q", got, want)
		}
	}
}
