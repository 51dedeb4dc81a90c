package doctor

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/webex"
)

// pageSize is what one listed page holds: enough to see the shape, little to read.
const pageSize = 10

// checkHost: the API host is a known data center's (auth.Regions), or a local sandbox.
func checkHost(r *Report, base string) {
	u, err := url.Parse(base)
	if err != nil {
		r.add(Fail, i18n.M("API host %s: %s", base, i18n.Raw(err.Error())))
		return
	}
	host := u.Hostname()
	for _, reg := range auth.Regions {
		if host == "api.wxcc-"+reg.Code+".cisco.com" {
			r.add(OK, i18n.M("API host %s: data center %s (%s)", host, reg.Code, reg.Label))
			return
		}
	}
	if ip := net.ParseIP(host); (ip != nil && ip.IsLoopback()) || host == "localhost" {
		r.add(OK, i18n.M("API host %s: a local sandbox", u.Host))
		return
	}
	r.add(Warn, i18n.M("API host %s is not the host of a known data center", host))
}

// checkTenant: GET organization/{orgId} names the organization (live, not in the spec).
func checkTenant(ctx context.Context, r *Report, api Reader) {
	org, err := api.Organization(ctx)
	if err != nil {
		r.add(Warn, i18n.M("organization %s: its record cannot be read: %s", api.OrgID(), i18n.Of(err)))
		return
	}
	name, _ := org["name"].(string)
	sub, _ := org["subscriptionType"].(string)
	r.add(OK, i18n.M("organization %s (%s), subscription %s", name, api.OrgID(), sub))
}

// checkType lists one page of o as the engine does and reads its first object.
func checkType(ctx context.Context, r *Report, api Reader, o *catalog.Object) {
	q := url.Values{"pageSize": {fmt.Sprint(pageSize)}}
	if o.API.Filter != "" {
		q.Set("filter", o.API.Filter)
	}
	pg, err := api.ListPage(ctx, o.API.List, q)
	if err != nil {
		r.add(Fail, i18n.M("%s: list %s: %s", o.Key, o.API.List, i18n.Of(err)))
		return
	}
	switch {
	case pg.Bare:
		r.add(OK, i18n.M("%s: list %s: %s, one list without paging", o.Key, o.API.List, records(len(pg.Objects))))
	case pg.TotalPages < 0 && pg.Next == "" && len(pg.Objects) == pageSize:
		r.add(Warn, i18n.M("%s: list %s: a full page without totalPages or links.next: the engine cannot tell whether more follow", o.Key, o.API.List))
	case pg.TotalRecords < 0:
		r.add(OK, i18n.M("%s: list %s: %s on the first page", o.Key, o.API.List, records(len(pg.Objects))))
	default:
		r.add(OK, i18n.M("%s: list %s: %s on the first page, %d in all", o.Key, o.API.List, records(len(pg.Objects)), pg.TotalRecords))
	}
	if !checkFilter(r, o, pg.Objects) || len(pg.Objects) == 0 {
		return
	}
	checkRead(ctx, r, api, o, pg.Objects[0])
}

// checkFilter: on a shared resource, the filter let through only this type's objects.
func checkFilter(r *Report, o *catalog.Object, objs []webex.Object) bool {
	field, _, _ := strings.Cut(o.API.Filter, "==")
	want, fixed := o.API.Fixed[field]
	if o.API.Filter == "" || !fixed {
		return true
	}
	for _, obj := range objs {
		if fmt.Sprint(obj[field]) != fmt.Sprint(want) {
			r.add(Fail, i18n.M("%s: the filter %s let through %q, whose %s is %v", o.Key, o.API.Filter, fmt.Sprint(obj[o.API.KeyField]), field, obj[field]))
			return false
		}
	}
	return true
}

// checkRead reads the listed object listed and checks the fields the engine relies on:
// its id and version (an update sends them back) and its key field; it names the fields
// the sheet maps that this object does not carry.
func checkRead(ctx context.Context, r *Report, api Reader, o *catalog.Object, listed webex.Object) {
	id, _ := listed["id"].(string)
	path := strings.TrimSuffix(o.API.Get, "/{id}")
	obj, err := api.Get(ctx, path, id)
	if err != nil {
		r.add(Fail, i18n.M("%s: read %s/%s: %s", o.Key, path, id, i18n.Of(err)))
		return
	}
	var missing []string
	for _, f := range []string{"id", "version", o.API.KeyField} {
		if _, ok := obj[f]; !ok {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 || obj["id"] != id {
		r.add(Fail, i18n.M("%s: read %s/%s: the object lacks %s, which export and update use", o.Key, path, id, strings.Join(missing, ", ")))
		return
	}
	checkReferences(ctx, r, api, o, path, id)
	var unset []string
	for _, c := range o.Columns {
		top, _, _ := strings.Cut(strings.TrimSuffix(c.APIField, "[]"), ".")
		top, _, _ = strings.Cut(top, "[]")
		if _, ok := obj[top]; !ok && top != "" && !slices.Contains(unset, top) {
			unset = append(unset, top)
		}
	}
	if len(unset) == 0 {
		r.add(OK, i18n.M("%s: read %s/%s: every field the sheet maps is there", o.Key, path, id))
		return
	}
	r.add(OK, i18n.M("%s: read %s/%s: not set on this object (empty cells on export): %s", o.Key, path, id, strings.Join(unset, ", ")))
}

// checkReferences: incoming-references answers in the shape a delete's check reads, one
// referring type at a time (meta.referencedEntities, meta.currentEntity).
func checkReferences(ctx context.Context, r *Report, api Reader, o *catalog.Object, path, id string) {
	refs, err := api.IncomingReferences(ctx, path, id, "", 0)
	switch {
	case err != nil:
		r.add(Warn, i18n.M("%s: incoming-references of %s: %s", o.Key, id, i18n.Of(err)))
	case refs.Types == nil && len(refs.Objects) > 0:
		r.add(Warn, i18n.M("%s: incoming-references of %s lists objects without meta.referencedEntities: a delete cannot tell what uses an object", o.Key, id))
	default:
		r.add(OK, i18n.M("%s: incoming-references of %s: %s %s", o.Key, id,
			i18n.N(len(refs.Types), "%d referring type", "%d referring types"), strings.Join(refs.Types, ", ")))
	}
}

// records is "1 record", "5 records" in the user's language.
func records(n int) i18n.Msg { return i18n.N(n, "%d record", "%d records") }
