package jobs

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
