package auth

import (
	"context"
	"encoding/base64"
	"net/http"
	"regexp"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/webex"
)

// Identity is who signed in and to which organization. Show it wherever a user could
// submit to the wrong organization.
type Identity struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	OrgID string `json:"orgId"` // the plain organization UUID the Contact Center API uses
}

// String reads "Ada Lovelace <ada@example.com>, organization 1eb65fdf-9643-417f-9974-ad72cae0e10f".
func (i Identity) String() string { return i.In(i18n.English) }

// In is String in language code.
func (i Identity) In(code string) string {
	who := i.Name
	switch {
	case who == "":
		who = i.Email
	case i.Email != "":
		who += " <" + i.Email + ">"
	}
	return i18n.M("%s, organization %s", who, i.OrgID).In(code)
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// DecodeOrgID turns the orgId of /v1/people/me, base64 of
// "ciscospark://us/ORGANIZATION/<uuid>" (padding optional), into the plain UUID. A plain
// UUID is returned as it is.
func DecodeOrgID(orgID string) (string, error) {
	s := strings.TrimSpace(orgID)
	if uuidPattern.MatchString(s) {
		return strings.ToLower(s), nil
	}
	trimmed := strings.TrimRight(s, "=")
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		raw, err := enc.DecodeString(trimmed)
		if err != nil {
			continue
		}
		text := string(raw)
		if !strings.HasPrefix(text, "ciscospark://") {
			break
		}
		last := text[strings.LastIndex(text, "/")+1:]
		if uuidPattern.MatchString(last) && strings.Contains(text, "/ORGANIZATION/") {
			return strings.ToLower(last), nil
		}
		return "", i18n.Errorf("organization id %q decodes to %q, which names no organization", orgID, text)
	}
	return "", i18n.Errorf("organization id %q is neither a UUID nor a Webex id", orgID)
}

// fetchIdentity asks the identity host who the token belongs to.
func fetchIdentity(ctx context.Context, hc *http.Client, identityURL string) (Identity, error) {
	c, err := webex.New(identityURL, "", hc, webex.Options{MaxRetries: 2, RatePerMinute: 60})
	if err != nil {
		return Identity{}, err
	}
	me, err := c.Get(ctx, "v1/people", "me")
	if err != nil {
		return Identity{}, i18n.Errorf("who is signed in (/v1/people/me; needs the spark:people_read scope): %w", err)
	}
	str := func(k string) string { s, _ := me[k].(string); return strings.TrimSpace(s) }
	id := Identity{Name: str("displayName")}
	if id.Name == "" {
		id.Name = strings.TrimSpace(str("firstName") + " " + str("lastName"))
	}
	if emails, ok := me["emails"].([]any); ok && len(emails) > 0 {
		id.Email, _ = emails[0].(string)
	}
	if id.OrgID, err = DecodeOrgID(str("orgId")); err != nil {
		return Identity{}, i18n.Errorf("who is signed in (/v1/people/me): %w", err)
	}
	return id, nil
}
