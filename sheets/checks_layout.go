package sheets

import (
	"github.com/bulkops/bulkops/internal/i18n"

	"strings"
	"sync"

	"github.com/bulkops/bulkops/sheets/catalog"
)

// checkLayout is what the checks need to know about one sheet's columns. It is worked out
// once per structural change, so checking a cell never looks a header up again (Sheet.Index
// folds strings on every call, which 100,000 rows cannot afford).
type checkLayout struct {
	obj    *catalog.Object
	title  string // the object's noun, for messages: "skill profile" (see objectNoun)
	noun   noun   // the same as a message argument, translated
	group  bool   // parent/child rows
	cols   []checkCol
	keys   []int // sheet column of each key column, -1 when the sheet lacks it
	absent []checkAbsent
	seq    []int // child columns numbered 1..n within a group
	child  []int // child columns (group objects)
	refs   []int // columns holding references
	// dupOf[i] is the earlier column that column i repeats (same catalog column), or -1.
	dupOf []int
	// decoded is how the sheet's text was decoded, for findings on cells a guess touched.
	decoded *Decoding
	// action is the Action column (ActionHeader), -1 when the sheet has none: a record
	// marked DELETE there needs only its key.
	action int
}

// checkCol holds the rules of one sheet column.
type checkCol struct {
	spec       *catalog.Column // nil for a column the catalog does not know
	header     string          // as written in the sheet
	key        bool
	child      bool
	re, warnRe textMatcher
	reqWhen    []checkCond
	forbWhen   []checkCond
	// onCreate: the API needs the column's field to create a record (catalog
	// api.requiredOnCreate, the rule the job engine applies); an update may leave it empty.
	onCreate bool
}

// checkCond is a catalog condition with its column resolved.
type checkCond struct {
	col    int    // sheet column, -1 when the sheet lacks it (the condition never holds then)
	header string // catalog header, for messages
	in     []string
	filled bool
}

// checkAbsent is a conditionally required catalog column the sheet does not have: a row
// on which the condition holds is missing a value it cannot even hold.
type checkAbsent struct {
	header  string
	child   bool
	reqWhen []checkCond
	always  bool // a required column, missing from a sheet with an Action column
}

func newCheckLayout(s *Sheet) *checkLayout {
	o := s.Object
	l := &checkLayout{obj: o, title: objectNoun(o.Key, o.Title), noun: noun{o.Key, o.Title}, group: o.Rows == catalog.Group, decoded: s.Decoded}
	l.cols = make([]checkCol, len(s.Columns))
	l.dupOf = make([]int, len(s.Columns))
	first := map[*catalog.Column]int{}
	for i, c := range s.Columns {
		l.dupOf[i] = -1
		cc := checkCol{spec: c.Spec, header: c.Header}
		if c.Spec != nil {
			if j, seen := first[c.Spec]; seen {
				l.dupOf[i] = j
			} else {
				first[c.Spec] = i
			}
			cc.child = c.Spec.Child && l.group
			cc.re = checkRegexp(c.Spec.Pattern)
			cc.warnRe = checkRegexp(c.Spec.WarnPattern)
			cc.reqWhen = resolveConds(s, c.Spec.RequiredWhen)
			cc.forbWhen = resolveConds(s, c.Spec.ForbiddenWhen)
			if c.Spec.Type == catalog.Ref && c.Spec.Ref != "" && l.dupOf[i] < 0 {
				l.refs = append(l.refs, i)
			}
			if cc.child {
				l.child = append(l.child, i)
				if isSequenceColumn(c.Spec) {
					l.seq = append(l.seq, i)
				}
			}
		}
		l.cols[i] = cc
	}
	rules, _ := o.API.CreateRules() // a rule that does not parse fails the job engine instead
	for _, r := range rules {
		for i := range l.cols {
			if sp := l.cols[i].spec; r.When == "" && sp != nil && sp.APIField == r.Field && !sp.Required {
				l.cols[i].onCreate = true
			}
		}
	}
	for _, k := range o.KeyColumns {
		i := s.Index(k)
		l.keys = append(l.keys, i)
		if i >= 0 {
			l.cols[i].key = true
			l.cols[i].child = false
		}
	}
	l.findAction(s)
	for i := range o.Columns {
		c := &o.Columns[i]
		if c.Required && l.action >= 0 && s.Index(c.Header) < 0 {
			l.absent = append(l.absent, checkAbsent{header: c.Header, child: c.Child && l.group, always: true})
		} else if len(c.RequiredWhen) > 0 && s.Index(c.Header) < 0 {
			l.absent = append(l.absent, checkAbsent{header: c.Header, child: c.Child && l.group,
				reqWhen: resolveConds(s, c.RequiredWhen)})
		}
	}
	return l
}

func resolveConds(s *Sheet, cs []catalog.Condition) []checkCond {
	out := make([]checkCond, 0, len(cs))
	for _, c := range cs {
		out = append(out, checkCond{col: s.Index(c.Column), header: c.Column, in: c.In, filled: c.Filled})
	}
	return out
}

// isSequenceColumn tells the child columns that number a group's children 1..n (the
// queue's Distribution Group Seq).
func isSequenceColumn(c *catalog.Column) bool { return c.Sequence && c.Type == catalog.Integer }

// objectNoun names one object of a type in a sentence: "multimedia profile" for the
// Multimedia Profiles type, "outdial ANI". Titles are sometimes plural (Control Hub's menu
// entries); the key is always singular.
func objectNoun(key, title string) string {
	words := strings.Fields(title)
	if catalog.Normalize(title) != catalog.Normalize(key) {
		words = strings.Split(key, "_")
	}
	return lowerWords(words)
}

// lowerWords joins words in lower case, keeping acronyms (ANI, DN) as they are.
func lowerWords(words []string) string {
	for i, w := range words {
		if w != strings.ToUpper(w) || len(w) < 2 {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// holds reports whether the condition holds on row cells.
func (c checkCond) holds(cells []string) bool {
	if c.col < 0 || c.col >= len(cells) {
		return false
	}
	v := strings.TrimSpace(cells[c.col])
	if c.filled {
		return v != ""
	}
	for _, w := range c.in {
		if strings.EqualFold(v, w) {
			return true
		}
	}
	return false
}

// describe says a condition that holds on row cells in words: "Type is CAPACITY",
// "Site is filled" — with the value the row has, in the catalog's spelling.
func (c checkCond) describe(cells []string) i18n.Msg {
	if c.filled || len(c.in) == 0 {
		return i18n.M("%s is filled", c.header)
	}
	v := strings.TrimSpace(rowCell(cells, c.col))
	for _, w := range c.in {
		if strings.EqualFold(v, w) {
			return i18n.M("%s is %s", c.header, w)
		}
	}
	return i18n.M("%s is %s", c.header, orList(c.in))
}

// noun is an object type's noun as a message argument: objectNoun in English, the
// catalog's translated title in lower case in another language (Czech titles name one
// object, so they need no singular of their own).
type noun struct{ key, title string }

func (n noun) In(code string) string {
	k := nounIn{n, code}
	if s, ok := nouns.Load(k); ok {
		return s.(string)
	}
	s := objectNoun(n.key, n.title)
	if code != i18n.English {
		s = lowerWords(strings.Fields(i18n.Text(code, n.title)))
	}
	nouns.Store(k, s)
	return s
}

// nouns keeps each type's noun in each language (nounIn → string) once worked out: a
// check of 50,000 users whose references the organization lacks names a type in each
// of 250,000 findings, and working the words out each time was a sixth of opening them.
var nouns sync.Map

type nounIn struct {
	n    noun
	code string
}

func (n noun) String() string { return n.In(i18n.English) }
