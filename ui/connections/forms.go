package connections

import (
	"errors"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/internal/i18n"
	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/sandbox"
	"github.com/bulkops/bulkops/ui/words"
)

// myApps is where a Webex administrator creates the integration Bulkops signs in with.
const myApps = "https://developer.webex.com/my-apps"

// forms are the dialogs that add a connection. The client secret is typed into a
// password field and goes to the keyring, never to the profiles file. Each field is
// checked as it is typed, with the rule in words under it; what was typed stays in the
// fields until a connection is added, so a refused value is corrected, not typed again.
type forms struct {
	p *Page

	name     *widget.Entry
	url      *widget.Entry
	region   *widget.Select
	clientID *widget.Entry
	secret   *widget.Entry
	uris     *widget.Label          // the redirect URIs the integration must list
	copyURIs *widget.Button         // copies them to the clipboard
	problem  *widget.Label          // why the last Add was refused, shown in the dialog
	kind     auth.Kind              // the kind of connection the fields were typed for
	touched  map[*widget.Entry]bool // fields typed in since they were emptied
	dialog   *dialog.FormDialog
}

func newForms(p *Page) *forms {
	f := &forms{p: p, touched: map[*widget.Entry]bool{}}
	f.name = widget.NewEntry()
	f.url = widget.NewEntry()
	f.url.SetPlaceHolder("http://127.0.0.1:8085")
	var regions []string
	for _, r := range auth.Regions {
		regions = append(regions, regionName(r.Label)+" ("+r.Code+")")
	}
	f.region = widget.NewSelect(regions, nil)
	f.clientID = widget.NewEntry()
	f.secret = widget.NewPasswordEntry()
	f.uris = widget.NewLabel(strings.Join(auth.Profile{Kind: auth.KindWebex}.RedirectURIs(), "\n"))
	f.uris.TextStyle.Monospace = true
	f.copyURIs = widget.NewButtonWithIcon(words.T("Copy"), theme.ContentCopyIcon(), func() {
		p.app.Clipboard().SetContent(f.uris.Text)
		f.copyURIs.SetText(words.T("Copied"))
	})
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	return f
}

// reset empties the fields when a dialog opens for another kind of connection than the
// one they were typed for.
func (f *forms) reset(kind auth.Kind) {
	f.problem.SetText("")
	f.problem.Hide()
	f.copyURIs.SetText(words.T("Copy"))
	if f.kind == kind {
		return
	}
	f.kind = kind
	f.clear()
}

func (f *forms) clear() {
	for _, e := range []*widget.Entry{f.name, f.url, f.clientID, f.secret} {
		e.SetText("")
		delete(f.touched, e) // an empty field is not wrong until it is typed in
	}
	f.region.SetSelectedIndex(0)
}

// ruled makes a form item of an entry checked by rule as it is typed: the rule's
// explanation replaces the item's hint at once (Fyne shows a validation error only once
// the field has lost the keyboard), and Add stays disabled while a field is refused. A
// field not typed in yet keeps its hint and is not marked wrong.
func (f *forms) ruled(label string, e *widget.Entry, hint string, rule func(string) error) *widget.FormItem {
	item := widget.NewFormItem(label, e)
	item.HintText = hint
	e.Validator = func(text string) error {
		err := rule(text)
		if text != "" {
			f.touched[e] = true
		}
		// Shown at once, while typing, once the field was typed in; before that an empty
		// field still keeps Add disabled (the form checks it when it is made).
		e.AlwaysShowValidationError = f.touched[e]
		item.HintText = hint
		if err != nil && strings.TrimSpace(text) != "" {
			item.HintText = errText(err)
		}
		return err
	}
	return item
}

// checkName explains the rule of connection names.
func (f *forms) checkName(text string) error {
	name := strings.TrimSpace(text)
	if name == "" {
		return errors.New(words.T("Give the connection a name"))
	}
	if err := (auth.Profile{Name: name, Kind: auth.KindEmbedded}).Validate(); err != nil {
		for _, r := range name {
			if err := (auth.Profile{Name: string(r), Kind: auth.KindEmbedded}).Validate(); err != nil && !strings.ContainsRune(" ._()-", r) {
				return errors.New(words.T("“%s” cannot be used in a name: use letters, digits, spaces and . _ ( ) -, at most 64", string(r)))
			}
		}
		return errors.New(words.T("Start with a letter or digit; use letters, digits, spaces and . _ ( ) -, at most 64"))
	}
	if _, exists := f.p.set.Get(name); exists {
		return errors.New(words.T("A connection called %s exists already", name))
	}
	return nil
}

func checkClientID(text string) error {
	if strings.TrimSpace(text) == "" {
		return errors.New(words.T("The Client ID of the integration is needed"))
	}
	return nil
}

func checkAddress(text string) error {
	u, err := url.Parse(strings.TrimSpace(text))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return errors.New(words.T("An address such as http://127.0.0.1:8085, as bulkops sandbox printed it"))
	}
	if _, err := auth.SandboxProfile("x", text, "x"); err != nil {
		return errors.New(words.T("Only HTTPS, or HTTP to this computer (127.0.0.1)"))
	}
	return nil
}

// showAddSandbox asks for a standalone sandbox (bulkops sandbox) by URL.
func (p *Page) showAddSandbox() {
	f := p.forms
	f.reset(auth.KindSandbox)
	if f.clientID.Text == "" {
		f.clientID.SetText(sandbox.DefaultClientID)
	}
	items := []*widget.FormItem{
		f.ruled(words.T("Name"), f.name, words.T("How Bulkops names the sandbox, e.g. Lab"), f.checkName),
		f.ruled(words.T("Address"), f.url, "", checkAddress),
		f.ruled(words.T("Client ID"), f.clientID, "", checkClientID),
		widget.NewFormItem(words.T("Client secret"), f.secret),
		widget.NewFormItem("", f.problem),
	}
	items[3].HintText = words.T("As bulkops sandbox printed it; kept in the system keyring")
	f.show(words.T("Add a sandbox by URL"), items, func() error {
		pr, err := auth.SandboxProfile(strings.TrimSpace(f.name.Text), f.url.Text, strings.TrimSpace(f.clientID.Text))
		if err != nil {
			return err
		}
		return p.addProfile(pr, f.secret.Text)
	})
}

// showAddWebex asks for a Webex organization: its region and the admin's integration,
// with the redirect URIs that integration must list and where integrations are made.
func (p *Page) showAddWebex() {
	f := p.forms
	f.reset(auth.KindWebex)
	link := widget.NewHyperlink(words.T("Create an integration on developer.webex.com (My Apps)"), parseURL(myApps))
	uris := container.NewBorder(nil, link, nil, container.NewVBox(f.copyURIs), f.uris)
	items := []*widget.FormItem{
		f.ruled(words.T("Name"), f.name, words.T("How Bulkops names the organization, e.g. Acme"), f.checkName),
		widget.NewFormItem(words.T("Region"), f.region),
		f.ruled(words.T("Client ID"), f.clientID, words.T("Of your own integration on developer.webex.com"), checkClientID),
		widget.NewFormItem(words.T("Client secret"), f.secret),
		widget.NewFormItem(words.T("Redirect URIs"), uris),
		widget.NewFormItem("", f.problem),
	}
	items[3].HintText = words.T("Kept in the system keyring, never in a file")
	items[4].HintText = words.T("List all of these on the integration, with the scopes %s", strings.Join(auth.Scopes, ", "))
	f.show(words.T("Add a Webex organization"), items, func() error {
		region := ""
		if i := f.region.SelectedIndex(); i >= 0 {
			region = auth.Regions[i].Code
		}
		pr, err := auth.WebexProfile(strings.TrimSpace(f.name.Text), region, f.clientID.Text)
		if err != nil {
			return err
		}
		return p.addProfile(pr, f.secret.Text)
	})
}

func parseURL(s string) *url.URL {
	u, _ := url.Parse(s)
	return u
}

// show shows a form; add is called on confirm. When add refuses, the same dialog opens
// again with every value as typed and the reason in it.
func (f *forms) show(title string, items []*widget.FormItem, add func() error) {
	f.dialog = dialog.NewForm(title, words.T("Add"), words.T("Cancel"), items, func(ok bool) {
		if !ok {
			f.secret.SetText("") // a secret does not stay in the widget
			return
		}
		if err := add(); err != nil {
			f.problem.SetText(words.T("The connection was not added: %s", errText(err)))
			f.problem.Show()
			f.show(title, items, add)
			return
		}
		f.kind = ""
		f.clear()
	}, f.p.win)
	f.dialog.Resize(fyne.NewSize(620, 0))
	f.dialog.Show()
	f.p.win.Canvas().Focus(items[0].Widget.(fyne.Focusable)) // type the name at once
}

// addProfile stores a new connection and its client secret, and selects it.
func (p *Page) addProfile(pr auth.Profile, secret string) error {
	if _, exists := p.set.Get(pr.Name); exists {
		return errors.New(words.T("a connection called %s exists already", pr.Name))
	}
	if err := p.set.Put(pr); err != nil {
		return err
	}
	p.save()
	if secret != "" {
		warning, err := p.svc.SetClientSecret(pr, secret)
		if err != nil {
			return err
		}
		if !warning.IsZero() {
			p.showWarning(warning)
		}
	}
	p.selected = pr.Name
	p.say(words.T("%s added. Sign in to use it.", pr.Name))
	p.refresh()
	return nil
}

// regionNames are the names of auth.Regions' data centers, spelled out so that the
// catalogue's test sees that each has its Czech; a region added there without one here
// shows its English name.
var regionNames = []i18n.Msg{i18n.M("United States"), i18n.M("United Kingdom"), i18n.M("Germany"),
	i18n.M("Australia"), i18n.M("Canada"), i18n.M("Japan"), i18n.M("Singapore"), i18n.M("India")}

// regionName is a data center's name (its auth.Regions label) in the window's language.
func regionName(label string) string {
	for _, m := range regionNames {
		if m.Format == label {
			return m.In(words.Language())
		}
	}
	return label
}
