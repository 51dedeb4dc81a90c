package progress

import (
	"context"
	"testing"
)

// A Func given to a context reaches the work below it; With(nil) stops it there.
func TestContextCarriesFunc(t *testing.T) {
	var got []Count
	ctx := With(context.Background(), func(c Count) { got = append(got, c) })
	From(ctx).Report(Count{Done: 100, Total: 300})
	From(With(ctx, nil)).Report(Count{Done: 5})
	From(context.Background()).Report(Count{Done: 7})
	if len(got) != 1 || got[0].Done != 100 || got[0].Total != 300 {
		t.Errorf("reports = %+v, want the one of 100 of 300", got)
	}
}
