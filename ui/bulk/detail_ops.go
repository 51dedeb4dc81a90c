package bulk

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/bulkops/bulkops/sync/jobs"
)

// loadOperations tells the succeeded rows apart — created, updated, left unchanged —
// when their count changed: "Succeeded 14" said nothing of the 13 rows the job left as
// they were.
func (d *detail) loadOperations(j jobs.Job) {
	key := j.ID + "/" + strconv.Itoa(j.Succeeded)
	if key == d.opsFor {
		if d.opsText != "" {
			d.fields[fieldSucceeded].SetText(d.opsText)
		}
		return
	}
	d.opsFor, d.opsText = key, ""
	if j.Succeeded == 0 {
		return
	}
	store, ctx := d.b.store, d.b.ctx
	d.b.async(func() {
		ops, err := store.Operations(ctx, j.ID)
		fyne.Do(func() {
			if d.id != j.ID || err != nil {
				return // the count alone stays
			}
			if d.opsFor == key {
				d.opsText = operationsText(j.Succeeded, ops)
				d.fields[fieldSucceeded].SetText(d.opsText)
			}
		})
	})
}

// operationsText is the Succeeded field: "14: 1 created, 0 updated, 13 unchanged".
func operationsText(n int, ops jobs.Operations) string {
	return lang.L("{{.Count}}: {{.Created}} created, {{.Updated}} updated, {{.Unchanged}} unchanged",
		map[string]any{"Count": n, "Created": ops.Created, "Updated": ops.Updated, "Unchanged": ops.Unchanged})
}
