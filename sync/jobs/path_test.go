package jobs

import (
	"encoding/json"
	"testing"
)

func TestSetPath(t *testing.T) {
	tests := []struct {
		path string
		v    any
		want string
	}{
		{"name", "Sales", `{"name":"Sales"}`},
		{"viewableStatistics.agentStats", true, `{"viewableStatistics":{"agentStats":true}}`},
		{"teamIds", []any{"a", "b"}, `{"teamIds":["a","b"]}`},
		{"enumSkillValues[].name", []any{"Gold", "Silver"}, `{"enumSkillValues":[{"name":"Gold"},{"name":"Silver"}]}`},
		{"agentGroups[].teamId", "t1", `{"agentGroups":[{"teamId":"t1"}]}`},
		{"a[].b[].c", []any{"x"}, `{"a":[{"b":[{"c":"x"}]}]}`},
		{"ids[]", []any{"1", "2"}, `{"ids":["1","2"]}`},
	}
	for _, tt := range tests {
		obj := map[string]any{}
		setPath(obj, tt.path, tt.v)
		got, _ := json.Marshal(obj)
		if string(got) != tt.want {
			t.Errorf("setPath(%q): got %s, want %s", tt.path, got, tt.want)
		}
	}
}

func TestGetPath(t *testing.T) {
	var obj map[string]any
	json.Unmarshal([]byte(`{"name":"Q","viewableStatistics":{"agentStats":true},
		"callDistributionGroups":[{"order":1,"agentGroups":[{"teamId":"a"},{"teamId":"b"}]},{"order":2,"agentGroups":[{"teamId":"c"}]}]}`), &obj)
	tests := []struct {
		path string
		want string
	}{
		{"name", `"Q"`},
		{"viewableStatistics.agentStats", `true`},
		{"viewableStatistics.missing", `null`},
		{"callDistributionGroups[].order", `[1,2]`},
		{"callDistributionGroups[].agentGroups[].teamId", `["a","b","c"]`},
		{"nothing[].x", `null`},
	}
	for _, tt := range tests {
		got, _ := json.Marshal(getPath(obj, tt.path))
		if string(got) != tt.want {
			t.Errorf("getPath(%q): got %s, want %s", tt.path, got, tt.want)
		}
	}
}

func TestDeepCopyIsIndependent(t *testing.T) {
	a := map[string]any{"x": map[string]any{"y": []any{"1"}}}
	b := deepCopy(a)
	b["x"].(map[string]any)["y"].([]any)[0] = "2"
	if a["x"].(map[string]any)["y"].([]any)[0] != "1" {
		t.Fatal("deepCopy shares nested values")
	}
}
