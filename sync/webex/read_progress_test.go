package webex

import (
	"context"
	"net/url"
	"reflect"
	"testing"

	"github.com/bulkops/bulkops/internal/progress"
)

// A List tells the context's progress.Func the objects read after each page, with the
// total only when the server gives meta.totalRecords.
func TestListReportsPages(t *testing.T) {
	for _, tt := range []struct {
		style string
		want  []progress.Count
	}{
		{"meta", []progress.Count{{Done: 3, Total: 7}, {Done: 6, Total: 7}, {Done: 7, Total: 7}}},
		{"links", []progress.Count{{Done: 3}, {Done: 6}, {Done: 7}}},
	} {
		t.Run(tt.style, func(t *testing.T) {
			var seen []url.Values
			c, _ := newTestClient(t, pagedSites(t, tt.style, &seen), Options{}, false)
			var got []progress.Count
			ctx := progress.With(context.Background(), func(n progress.Count) { got = append(got, n) })
			if _, err := c.List(ctx, "v2/site", url.Values{"pageSize": {"3"}}); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("reported %+v, want %+v", got, tt.want)
			}
		})
	}
}
