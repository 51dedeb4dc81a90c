package jobs

import "github.com/bulkops/bulkops/internal/i18n"

// SandboxOrgName is the organization name the jobs of the embedded sandbox store;
// EmptySandboxOrgName that of the second, which starts empty (auth.EmptyName).
const (
	SandboxOrgName      = "Sandbox (embedded)"
	EmptySandboxOrgName = "Empty sandbox (embedded)"
)

// OrgShown is a stored organization name as people read it in the language code: the
// embedded sandboxes' in that language, any other as it is.
func OrgShown(code, name string) string {
	switch name {
	case SandboxOrgName:
		return i18n.M("Sandbox (embedded)").In(code)
	case EmptySandboxOrgName:
		return i18n.M("Empty sandbox (embedded)").In(code)
	}
	return name
}

// OrgName names an organization for people where its id is not wanted (a button, a
// column): its name, else its id.
func OrgName(name, id string) string {
	if name == "" {
		return id
	}
	return name
}

// OrgLabel names an organization with its id, "Acme (ID)"; the id alone when it has no
// name.
func OrgLabel(name, id string) string {
	if name == "" {
		return id
	}
	return name + " (" + id + ")"
}
