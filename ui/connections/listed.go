package connections

import (
	"slices"

	"github.com/bulkops/bulkops/sync/auth"
)

// listed are the connections the page lists: the stored profiles and, right after the
// embedded sandbox, the second embedded one that starts empty (auth.EmptyName), built
// in and never stored, so a user can copy the demo organization or a workbook into it
// from the window as from the command line (--profile empty). A stored profile of
// that name takes its place, as it does for the command line.
func (p *Page) listed() []auth.Profile {
	if slices.ContainsFunc(p.set.Profiles, func(q auth.Profile) bool { return q.Name == auth.EmptyName }) {
		return p.set.Profiles
	}
	at := 1 + slices.IndexFunc(p.set.Profiles, func(q auth.Profile) bool { return q.Name == auth.EmbeddedName })
	return slices.Insert(slices.Clone(p.set.Profiles), at, auth.EmptyProfile())
}

// emptySandbox reports whether a profile is the built-in empty sandbox.
func emptySandbox(pr auth.Profile) bool {
	return pr.Kind == auth.KindEmbedded && pr.Name == auth.EmptyName
}
