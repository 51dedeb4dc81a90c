package connections

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/sync/sandbox"
)

// forms are the dialogs that add a connection. The client secret is typed into a
// password field and goes to the keyring, never to the profiles file.
type forms struct {
	p *Page

	name     *widget.Entry
	url      *widget.Entry
	region   *widget.Select
	clientID *widget.Entry
	secret   *widget.Entry
	dialog   *dialog.FormDialog // the one shown
}

func newForms(p *Page) *forms {
	f := &forms{p: p}
	f.name = widget.NewEntry()
	f.url = widget.NewEntry()
	f.url.SetPlaceHolder("http://127.0.0.1:8085")
	var regions []string
	for _, r := range auth.Regions {
		regions = append(regions, r.Label+" ("+r.Code+")")
	}
	f.region = widget.NewSelect(regions, nil)
	f.clientID = widget.NewEntry()
	f.secret = widget.NewPasswordEntry()
	return f
}

func (f *forms) clear() {
	for _, e := range []*widget.Entry{f.name, f.url, f.clientID, f.secret} {
		e.SetText("")
	}
	f.region.SetSelectedIndex(0)
}

// showAddSandbox asks for a standalone sandbox (bulkops sandbox) by URL.
func (p *Page) showAddSandbox() {
	f := p.forms
	f.clear()
	f.clientID.SetText(sandbox.DefaultClientID)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Address"), f.url),
		widget.NewFormItem(lang.L("Client ID"), f.clientID),
		widget.NewFormItem(lang.L("Client secret"), f.secret),
	}
	items[3].HintText = lang.L("As bulkops sandbox printed it; kept in the system keyring")
	f.show(lang.L("Add a sandbox by URL"), items, func() error {
		pr, err := auth.SandboxProfile(strings.TrimSpace(f.name.Text), f.url.Text, strings.TrimSpace(f.clientID.Text))
		if err != nil {
			return err
		}
		return p.addProfile(pr, f.secret.Text)
	})
}

// showAddWebex asks for a Webex organization: its region and the admin's integration.
func (p *Page) showAddWebex() {
	f := p.forms
	f.clear()
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Region"), f.region),
		widget.NewFormItem(lang.L("Client ID"), f.clientID),
		widget.NewFormItem(lang.L("Client secret"), f.secret),
	}
	items[0].HintText = lang.L("How Bulkops names the organization, e.g. Acme")
	items[2].HintText = lang.L("Of your own integration on developer.webex.com")
	items[3].HintText = lang.L("Kept in the system keyring, never in a file")
	f.show(lang.L("Add a Webex organization"), items, func() error {
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

// show shows a form; add is called on confirm, and an error it returns is shown.
func (f *forms) show(title string, items []*widget.FormItem, add func() error) {
	f.dialog = dialog.NewForm(title, lang.L("Add"), lang.L("Cancel"), items, func(ok bool) {
		defer f.secret.SetText("") // the secret does not stay in the widget
		if !ok {
			return
		}
		if err := add(); err != nil {
			f.p.say(lang.L("The connection was not added: {{.Reason}}", map[string]any{"Reason": err.Error()}))
		}
	}, f.p.win)
	f.dialog.Resize(fyne.NewSize(560, 0))
	f.dialog.Show()
}

// addProfile stores a new connection and its client secret, and selects it.
func (p *Page) addProfile(pr auth.Profile, secret string) error {
	if _, exists := p.set.Get(pr.Name); exists {
		return errors.New(lang.L("a connection called {{.Name}} exists already", map[string]any{"Name": pr.Name}))
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
		if warning != "" {
			p.showWarning(warning)
		}
	}
	p.selected = pr.Name
	p.say(lang.L("{{.Name}} added. Sign in to use it.", map[string]any{"Name": pr.Name}))
	p.refresh()
	return nil
}
