package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

func TestListPaging(t *testing.T) {
	c := newTC(t, Options{})
	seen := map[string]bool{}
	path := "v2/user?pageSize=70&attributes=id,email"
	for page := 0; path != ""; page++ {
		m := c.object("GET", path, nil, http.StatusOK)
		meta := m["meta"].(map[string]any)
		if num(meta["page"]) != page || num(meta["totalPages"]) != 5 || num(meta["totalRecords"]) != 300 || meta["orgid"] != c.s.OrgID() {
			t.Fatalf("page %d meta: %v", page, meta)
		}
		for _, d := range m["data"].([]any) {
			row := d.(map[string]any)
			if len(row) != 2 || seen[row["id"].(string)] {
				t.Fatalf("row %v: want only id and email, each once", row)
			}
			seen[row["id"].(string)] = true
		}
		links := meta["links"].(map[string]any)
		if links["last"] != "/organization/"+c.s.OrgID()+"/v2/user?attributes=id%2Cemail&page=4&pageSize=70" {
			t.Errorf("links.last %v", links["last"])
		}
		path, _ = links["next"].(string) // relative to the host: abs keeps it as it is
	}
	if len(seen) != 300 {
		t.Errorf("paging returned %d distinct users, want 300", len(seen))
	}
	m := c.object("GET", "v2/user?pageSize=5000&page=0", nil, http.StatusOK)
	if n := num(m["meta"].(map[string]any)["pageSize"]); n != maxPageSize {
		t.Errorf("pageSize 5000 became %d, want it clamped to %d", n, maxPageSize)
	}
	if m := c.object("GET", "v2/user?page=9", nil, http.StatusOK); len(m["data"].([]any)) != 0 {
		t.Errorf("a page past the end has data")
	}
	for _, bad := range []string{"page=-1", "pageSize=0", "pageSize=x", "filter=" + url.QueryEscape(`name=="x`)} {
		c.object("GET", "v2/user?"+bad, nil, http.StatusBadRequest)
	}
	expectViolations(t, c.s, 1) // pageSize=x: the spec's pageSize is an integer
}

func TestListFilters(t *testing.T) {
	c := newTC(t, Options{})
	count := func(path string) int {
		return num(c.object("GET", path, nil, http.StatusOK)["meta"].(map[string]any)["totalRecords"])
	}
	q := url.QueryEscape
	a, b := c.idOf("v2/site", "name", "Prague"), c.idOf("v2/site", "name", "Austin")
	cases := map[string]int{
		"v2/entry-point?filter=" + q(`entryPointType=="OUTBOUND"`):                         2,
		"v2/entry-point?filter=" + q(`entryPointType=="INBOUND";channelType=="TELEPHONY"`): 4,
		"v2/entry-point?filter=" + q(`name=="Main Line",name=="Web Chat"`):                 2,
		"v2/site?filter=" + q(`id=in=("`+a+`","`+b+`")`):                                   2,
		"v2/site?filter=" + q(`id=out=(`+a+`)`):                                            2,
		"v2/contact-service-queue?filter=" + q(`name=="*Support*"`):                        3,
		"v2/user?filter=" + q(`active==false`):                                             6,
		"v2/user?filter=" + q(`siteId==`+a+`;(userProfileId!=x)`):                          100,
		"v2/auxiliary-code?search=wrap":                                                    4,
	}
	for path, want := range cases {
		if got := count(path); got != want {
			t.Errorf("%s: %d records, want %d", path, got, want)
		}
	}
	// v2 pages hold whole objects (the spec's ResponseEnvelopeTeamResponseDTO has userIds);
	// the v1 queue list gives ContactServiceQueueDTOList objects, which have no arrays.
	sales := teamID(c, "Prague", "Sales")
	row := c.object("GET", "v2/team?filter="+q(`id==`+sales), nil, 200)["data"].([]any)[0].(map[string]any)
	if len(row["userIds"].([]any)) == 0 {
		t.Error("v2/team list lost userIds")
	}
	var v1 []map[string]any
	_, _, v1body := c.call("GET", "contact-service-queue", nil)
	if err := json.Unmarshal(v1body, &v1); err != nil || len(v1) == 0 || v1[0]["callDistributionGroups"] != nil {
		t.Errorf("v1 queue list: %v %.200s", err, v1body)
	}
	// The old unpaged list is a bare array.
	status, _, body := c.call("GET", "site", nil)
	if status != 200 || body[0] != '[' {
		t.Errorf("v1 list: %d %s", status, body)
	}
}

func TestParseFilter(t *testing.T) {
	obj := map[string]any{"name": "Sales Line", "type": "INBOUND", "tags": []any{"a", "b"},
		"stats": map[string]any{"level": "ALL"}, "active": true}
	cases := []struct {
		filter string
		want   bool
	}{
		{``, true},
		{`name=="Sales Line"`, true},
		{`name=='Sales Line'`, true},
		{`name==Sales*`, true},
		{`name=="*Line"`, true},
		{`name=="Sales"`, false},
		{`name!="Sales"`, true},
		{`type==INBOUND;active==true`, true},
		{`type==OUTBOUND,active==true`, true},
		{`type==OUTBOUND;(active==true,name==x)`, false},
		{`tags==b`, true},
		{`tags=in=(c,"a")`, true},
		{`tags=out=(a)`, false},
		{`stats.level==ALL`, true},
		{`missing==x`, false},
		{`missing!=x`, true},
		{`name=="say \"hi\""`, false},
	}
	for _, tt := range cases {
		f, err := parseFilter(tt.filter)
		if err != nil {
			t.Errorf("%s: %v", tt.filter, err)
			continue
		}
		if got := f.match(obj); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.filter, got, tt.want)
		}
	}
	for _, bad := range []string{`name`, `name=x`, `name==`, `name=="x`, `(name==x`, `id=in=(a,b`, `id=in=a`, `==x`, `a==b c==d`} {
		if _, err := parseFilter(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
