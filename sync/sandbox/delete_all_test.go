package sandbox

import (
	"net/http"
	"testing"
)

// A DELETE answers the status Cisco's spec documents for its route, and DELETE
// dial-number (no id) deletes every mapping of the organization, as the spec's
// deleteAllConfig says.
func TestDeleteStatusesAndDeleteAll(t *testing.T) {
	c := newTC(t, Options{})
	for _, d := range []struct {
		path string
		want int
	}{
		{"dial-number/" + c.firstID("v2/dial-number"), http.StatusOK},
		{"v3/address-book/" + c.newBook(), http.StatusNoContent},
		{"site/" + c.newSite(), http.StatusNoContent},
	} {
		c.object("DELETE", d.path, nil, d.want)
		c.object("GET", d.path, nil, http.StatusNotFound)
	}
	if n := len(c.object("GET", "v2/dial-number", nil, http.StatusOK)["data"].([]any)); n == 0 {
		t.Fatal("the demo has no more dial numbers to delete")
	}
	c.object("DELETE", "dial-number", nil, http.StatusOK)
	if n := len(c.object("GET", "v2/dial-number", nil, http.StatusOK)["data"].([]any)); n != 0 {
		t.Errorf("DELETE dial-number left %d mappings", n)
	}
}

func (c *tc) firstID(list string) string {
	c.t.Helper()
	data := c.object("GET", list, nil, http.StatusOK)["data"].([]any)
	if len(data) == 0 {
		c.t.Fatalf("%s: empty", list)
	}
	return data[0].(map[string]any)["id"].(string)
}

func (c *tc) newBook() string {
	c.t.Helper()
	return c.object("POST", "v3/address-book", map[string]any{"name": "Spare Book", "parentType": "ORGANIZATION"}, http.StatusCreated)["id"].(string)
}

func (c *tc) newSite() string {
	c.t.Helper()
	mm := c.idOf("v2/multimedia-profile", "name", "Voice Only")
	r := c.bulk("POST", "site/bulk", save(1, map[string]any{"name": "Spare Site", "active": true, "multimediaProfileId": mm}))[0]
	return lastSegment(r["href"].(string))
}
