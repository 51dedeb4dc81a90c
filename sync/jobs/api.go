package jobs

import (
	"context"
	"net/url"

	"github.com/bulkops/bulkops/internal/i18n"

	"github.com/bulkops/bulkops/sync/webex"
)

// API is what the engine needs of the Webex Contact Center configuration API. A
// *webex.Client is one; tests may give a fake.
type API interface {
	List(ctx context.Context, path string, query url.Values) ([]webex.Object, error)
	Get(ctx context.Context, path, id string) (webex.Object, error)
	BulkSave(ctx context.Context, path, method string, items []webex.BulkItem) ([]webex.BulkResult, error)
	Create(ctx context.Context, path string, obj any) (webex.Object, error)
	Update(ctx context.Context, path, id string, obj any) (webex.Object, error)
	UploadAudio(ctx context.Context, info webex.Object, fileName string, data []byte, id string) (webex.Object, error)
	// Delete removes one object by its id (a type whose delete route is DELETE …/{id}).
	Delete(ctx context.Context, path, id string) error
}

var _ API = (*webex.Client)(nil)

// rowError is a problem of one record that fails its rows and lets the job go on: a
// name the organization does not have, a user that does not exist.
type rowError struct {
	column string   // the column's header as written; "" for the whole record
	text   i18n.Msg // what is wrong, shown in the user's language; its English goes to the error file
	// row is the sheet row of the cell at fault (a child row's), 0 for the record's
	// first. The job fails every row of the record; a preview points at the cell.
	row int
}

// atRow sets the row of err when it is a *rowError that has none.
func atRow(err error, row int) error {
	if re, ok := err.(*rowError); ok && re.row == 0 {
		re.row = row
	}
	return err
}

func (e *rowError) Error() string { return e.text.String() }

// Text is the message, for i18n.Of to render in the user's language.
func (e *rowError) Text() i18n.Msg { return e.text }
