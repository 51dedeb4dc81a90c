package jobs

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sheets"
	"github.com/bulkops/bulkops/sheets/catalog"
	"github.com/bulkops/bulkops/sync/webex"
)

// Skill profiles: each child row sets one skill (Skill Name, Skill Values) on top of the
// skills the profile has, or removes it (Delete = Yes) — the one delete Control Hub's
// import allows. Where the value goes depends on the skill's type: booleanValue,
// proficiencyValue, textValue, or, for an enum skill, the id of the named value in
// activeEnumSkills.
func init() {
	special["skill_profile"] = hooks{children: skillProfileChildren, export: skillProfileExport, same: sameSkillProfile}
}

// sameSkillProfile: a profile is unchanged when its own columns are and merging the
// child rows into its skills leaves the same skills with the same values.
func sameSkillProfile(ctx context.Context, m *mapper, rec *record, cur webex.Object) (bool, error) {
	if same, err := m.sameParent(ctx, rec, cur); err != nil || !same {
		return false, err
	}
	merged := deepCopy(cur)
	if err := skillProfileChildren(ctx, m, rec, merged); err != nil {
		return false, err
	}
	return sameValue(skillSet(merged), skillSet(cur)), nil
}

// skillSet is what a profile's skills say, without the server's bookkeeping fields.
func skillSet(o webex.Object) []any {
	var out []any
	skills, _ := o["activeSkills"].([]any)
	for _, v := range skills {
		if vm, ok := v.(map[string]any); ok {
			out = append(out, map[string]any{"skillId": vm["skillId"], "booleanValue": vm["booleanValue"],
				"proficiencyValue": vm["proficiencyValue"], "textValue": vm["textValue"]})
		}
	}
	enums, _ := o["activeEnumSkills"].([]any)
	for _, v := range enums {
		if vm, ok := v.(map[string]any); ok {
			out = append(out, map[string]any{"enumSkillValueId": vm["enumSkillValueId"]})
		}
	}
	return out
}

// skillInfo is a skill with its enum values.
type skillInfo struct {
	id, name, kind string            // kind: BOOLEAN, PROFICIENCY, TEXT or ENUM
	values         map[string]string // enum value name (lower case) → id
	valueNames     map[string]string // enum value id → name
}

func skillOf(ctx context.Context, m *mapper, e *refEntry) (*skillInfo, error) {
	cache := &m.res.extra
	if s, ok := cache.Load("skill:" + e.id); ok {
		return s.(*skillInfo), nil
	}
	s := &skillInfo{id: e.id, name: e.name, kind: strings.ToUpper(str(e.obj["skillType"]))}
	if s.kind == "ENUM" {
		// The v2 skill list carries enumSkillValues (the spec's list DTO; live lists
		// leave out no field of skills): read the skill again only when its row has none.
		full := e.obj
		if _, listed := full["enumSkillValues"]; !listed {
			var err error
			if full, err = m.res.api.Get(ctx, "skill", e.id); err != nil {
				return nil, err
			}
		}
		s.values, s.valueNames = map[string]string{}, map[string]string{}
		vals, _ := full["enumSkillValues"].([]any)
		for _, v := range vals {
			if vm, ok := v.(map[string]any); ok {
				s.values[strings.ToLower(str(vm["name"]))] = str(vm["id"])
				s.valueNames[str(vm["id"])] = str(vm["name"])
			}
		}
	}
	cache.Store("skill:"+e.id, s)
	return s, nil
}

func skillColumns(o *catalog.Object) (name, value, del *catalog.Column) {
	col := func(h string) *catalog.Column {
		if i := o.Column(h); i >= 0 {
			return &o.Columns[i]
		}
		return nil
	}
	return col("Skill Name"), col("Skill Values"), col("Delete")
}

func skillProfileChildren(ctx context.Context, m *mapper, rec *record, item webex.Object) error {
	nameCol, valueCol, delCol := skillColumns(m.obj)
	skills, _ := item["activeSkills"].([]any)
	enums, _ := item["activeEnumSkills"].([]any)
	changed := false
	for i := range rec.rows {
		name := rec.value(i, nameCol)
		if name == "" {
			continue
		}
		e, err := m.res.lookup(ctx, nameCol, name)
		if err != nil {
			if re, ok := err.(*rowError); ok {
				re.column = rec.lay.headerOf(nameCol)
			}
			return atRow(err, rec.rows[i].Number)
		}
		s, err := skillOf(ctx, m, e)
		if err != nil {
			return err
		}
		kept := storedID(skills, s.id) // an element kept must carry its id (live)
		skills, enums = withoutSkill(skills, enums, s)
		changed = true
		if delCol != nil && isYes(rec.value(i, delCol)) {
			continue
		}
		el, enumID, err := skillValue(s, rec.value(i, valueCol))
		if err != nil {
			return &rowError{column: rec.lay.headerOf(valueCol), text: i18n.Of(err), row: rec.rows[i].Number}
		}
		if enumID != "" {
			enums = append(enums, map[string]any{"enumSkillValueId": enumID, "enumSkillId": s.id})
		} else {
			if kept != nil {
				el["id"] = kept
			}
			skills = append(skills, el)
		}
	}
	if changed {
		item["activeSkills"], item["activeEnumSkills"] = orEmpty(skills), orEmpty(enums)
	}
	return nil
}

// storedID is the id of skill skillID's element among skills, nil when it has none.
func storedID(skills []any, skillID string) any {
	for _, v := range skills {
		if vm, ok := v.(map[string]any); ok && str(vm["skillId"]) == skillID {
			return vm["id"]
		}
	}
	return nil
}

func orEmpty(v []any) []any {
	if v == nil {
		return []any{}
	}
	return v
}

func isYes(v string) bool {
	b, ok := parseBool(v)
	return ok && b
}

// withoutSkill removes skill s from the profile's lists.
func withoutSkill(skills, enums []any, s *skillInfo) ([]any, []any) {
	var ks, es []any
	for _, v := range skills {
		if vm, ok := v.(map[string]any); !ok || str(vm["skillId"]) != s.id {
			ks = append(ks, v)
		}
	}
	for _, v := range enums {
		vm, ok := v.(map[string]any)
		if ok && (str(vm["enumSkillId"]) == s.id || s.valueNames[str(vm["enumSkillValueId"])] != "") {
			continue
		}
		es = append(es, v)
	}
	return ks, es
}

// skillValue converts a Skill Values cell for skill s: an activeSkills element, or the
// id of an enum value.
func skillValue(s *skillInfo, v string) (map[string]any, string, error) {
	// booleanValue is required on every element (the spec), whatever the skill's type.
	el := map[string]any{"skillId": s.id, "booleanValue": false}
	switch s.kind {
	case "BOOLEAN":
		b, ok := parseBool(v)
		if !ok {
			return nil, "", i18n.Errorf("skill %q is a yes/no skill: its value is true or false, not %q", s.name, v)
		}
		el["booleanValue"] = b
	case "PROFICIENCY":
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 10 {
			return nil, "", i18n.Errorf("skill %q is a proficiency skill: its value is a whole number from 0 to 10, not %q", s.name, v)
		}
		el["proficiencyValue"] = int64(n)
	case "ENUM":
		id := s.values[strings.ToLower(v)]
		if id == "" {
			names := make([]string, 0, len(s.valueNames))
			for _, n := range s.valueNames {
				names = append(names, n)
			}
			sort.Strings(names)
			if c := sheets.Suggest(v, names); c != "" {
				return nil, "", i18n.Errorf("%q is not a value of skill %q (did you mean %q?)", v, s.name, c)
			} else if len(names) > 0 {
				return nil, "", i18n.Errorf("%q is not a value of skill %q; its values are %s", v, s.name, joinLimit(names, 10))
			}
			return nil, "", i18n.Errorf("%q is not a value of skill %q", v, s.name)
		}
		return nil, id, nil
	default:
		if len([]rune(v)) > 100 {
			return nil, "", i18n.Errorf("skill %q: a text value has at most 100 characters", s.name)
		}
		el["textValue"] = v
	}
	return el, "", nil
}

// skillProfileExport writes a profile's row, then a child row per skill.
func skillProfileExport(ctx context.Context, m *mapper, o webex.Object) ([][]string, error) {
	parent := make([]string, len(m.obj.Columns))
	for i := range m.obj.Columns {
		if c := &m.obj.Columns[i]; !c.Child && c.APIField != "" {
			parent[i] = fromAPI(c, getPath(o, c.APIField))
		}
	}
	nameCol, valueCol, _ := skillColumns(m.obj)
	ni, vi := m.obj.Column(nameCol.Header), m.obj.Column(valueCol.Header)
	rows := [][]string{parent}
	x, err := m.res.index(ctx, "skill_definition")
	if err != nil || x == nil {
		return rows, err
	}
	add := func(skillID, value string) error {
		e := x.byID[skillID]
		if e == nil {
			return nil
		}
		row := m.keyCells(parent)
		row[ni], row[vi] = e.name, value
		rows = append(rows, row)
		return nil
	}
	skills, _ := o["activeSkills"].([]any)
	for _, v := range skills {
		vm, _ := v.(map[string]any)
		var val string
		switch {
		case vm["proficiencyValue"] != nil:
			val = str(vm["proficiencyValue"])
		case vm["textValue"] != nil:
			val = str(vm["textValue"])
		default:
			val = strconv.FormatBool(vm["booleanValue"] == true)
		}
		add(str(vm["skillId"]), val)
	}
	enums, _ := o["activeEnumSkills"].([]any)
	for _, v := range enums {
		vm, _ := v.(map[string]any)
		for _, e := range x.byID {
			if !strings.EqualFold(str(e.obj["skillType"]), "enum") {
				continue
			}
			s, err := skillOf(ctx, m, e)
			if err != nil {
				return nil, err
			}
			if n := s.valueNames[str(vm["enumSkillValueId"])]; n != "" {
				add(s.id, n)
				break
			}
		}
	}
	return rows, nil
}
