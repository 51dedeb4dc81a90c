package connections

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bulkops/bulkops/sync/auth"
	"github.com/bulkops/bulkops/ui"
	"github.com/bulkops/bulkops/ui/conn"
	"github.com/bulkops/bulkops/ui/words"
)

// Options configure the Connections page.
type Options struct {
	// Service signs in and out. Required.
	Service Service
	// Profiles are the connections, loaded with auth.LoadProfiles or LoadProfilesFile.
	// Required.
	Profiles *auth.ProfileSet
	// Window is the window dialogs belong to. Required.
	Window fyne.Window
	// OpenBrowser shows the sign-in page; nil opens it in the system browser.
	OpenBrowser func(url string) error
	// OnChange is called on the UI goroutine when the connection in use changes: with it,
	// or with nil while it is not signed in.
	OnChange func(p auth.Profile, c *conn.Connection)
}

// Page is the Connections page.
type Page struct {
	app  fyne.App
	win  fyne.Window
	svc  Service
	set  *auth.ProfileSet
	opts Options

	sessions map[string]*conn.Connection // signed-in connections by profile name
	selected string                      // the profile shown on the right

	list     *widget.List
	title    *widget.Label
	about    *widget.Label // what the connection is (a sandbox, clearly)
	who      *widget.Label // who is signed in to which organization
	message  *widget.Label // the outcome of the last action
	warning  *widget.Label // the keyring is unavailable
	use      *widget.Button
	signIn   *widget.Button
	signOut  *widget.Button
	remove   *widget.Button
	forget   *widget.Button // forgets the client secret; hidden when the service cannot
	addLocal *widget.Button
	addWebex *widget.Button

	progress     *fyne.Container // shown while signing in
	progressText *widget.Label
	address      *widget.Label  // the sign-in page's address, to copy when no browser opens
	copyAddress  *widget.Button // copies it
	cancel       *widget.Button
	stopSignIn   context.CancelFunc

	forms   *forms
	right   *fyne.Container // the selected connection
	content fyne.CanvasObject

	// async runs slow work off the UI goroutine; the tests run it inline.
	async func(func())
}

// New builds the page. Call Start to connect the profile in use.
func New(a fyne.App, opts Options) *Page {
	return build(a, opts, func(f func()) { go f() })
}

func build(a fyne.App, opts Options, async func(func())) *Page {
	p := &Page{app: a, win: opts.Window, svc: opts.Service, set: opts.Profiles, opts: opts,
		sessions: map[string]*conn.Connection{}, async: async}
	p.selected = p.set.Active().Name
	p.list = p.newList()
	p.title = widget.NewLabel("")
	p.title.TextStyle.Bold = true
	p.about = wrapLabel(widget.MediumImportance)
	p.who = wrapLabel(widget.MediumImportance)
	p.message = wrapLabel(widget.MediumImportance)
	p.warning = wrapLabel(widget.WarningImportance)
	p.warning.Hide()
	p.use = widget.NewButtonWithIcon(words.T("Use this connection"), theme.ConfirmIcon(), p.useSelected)
	p.signIn = widget.NewButtonWithIcon(words.T("Sign in with Webex"), theme.LoginIcon(), p.signInSelected)
	p.signIn.Importance = widget.HighImportance
	p.signOut = widget.NewButtonWithIcon(words.T("Sign out"), theme.LogoutIcon(), p.signOutSelected)
	p.remove = widget.NewButtonWithIcon(words.T("Remove"), theme.DeleteIcon(), p.removeSelected)
	p.forget = p.newForgetSecret()
	p.addLocal = widget.NewButtonWithIcon(words.T("Add a sandbox by URL"), theme.ContentAddIcon(), p.showAddSandbox)
	p.addWebex = widget.NewButtonWithIcon(words.T("Add a Webex organization"), theme.ContentAddIcon(), p.showAddWebex)
	p.progressText = widget.NewLabel("")
	p.cancel = widget.NewButtonWithIcon(words.T("Cancel"), theme.CancelIcon(), p.cancelSignIn)
	p.address = widget.NewLabel("")
	p.address.Wrapping = fyne.TextWrapBreak
	p.copyAddress = widget.NewButtonWithIcon(words.T("Copy address"), theme.ContentCopyIcon(), func() {
		p.app.Clipboard().SetContent(p.address.Text)
	})
	p.progress = container.NewVBox(widget.NewProgressBarInfinite(), container.NewBorder(nil, nil, nil, p.cancel, p.progressText),
		container.NewBorder(nil, nil, nil, p.copyAddress, p.address))
	p.progress.Hide()
	p.forms = newForms(p)
	p.content = p.layout()
	p.refresh()
	return p
}

// View is the tab the shell shows.
func (p *Page) View() ui.View {
	return ui.View{Title: words.T("Connections"), Icon: theme.AccountIcon(), Content: p.content}
}

// Content is the page's content.
func (p *Page) Content() fyne.CanvasObject { return p.content }

func (p *Page) layout() fyne.CanvasObject {
	left := container.NewBorder(nil, container.NewVBox(p.addLocal, p.addWebex), nil, nil, p.list)
	buttons := container.NewHBox(p.use, p.signIn, p.signOut, layout.NewSpacer(), p.forget, p.remove)
	p.right = container.NewVBox(p.title, p.about, p.who, buttons, p.progress, p.message, p.warning)
	split := container.NewHSplit(left, container.NewPadded(container.NewVScroll(p.right)))
	split.SetOffset(0.35)
	return split
}

func wrapLabel(imp widget.Importance) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

func (p *Page) newList() *widget.List {
	l := widget.NewList(func() int { return len(p.listed()) },
		func() fyne.CanvasObject { return widget.NewLabel("Sandbox (embedded) — test data") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if ps := p.listed(); i < len(ps) {
				o.(*widget.Label).SetText(p.itemText(ps[i]))
			}
		})
	l.OnSelected = func(i widget.ListItemID) {
		if ps := p.listed(); i < len(ps) {
			p.selected = ps[i].Name
			p.say("")
			p.refresh()
		}
	}
	return l
}

// itemText is a connection's line in the list, the one in use marked.
func (p *Page) itemText(pr auth.Profile) string {
	text := profileTitle(pr)
	if pr.Name == p.set.Current {
		text = "✓ " + text
	}
	return text
}

// profileTitle names a connection so that a sandbox is never taken for an organization.
func profileTitle(pr auth.Profile) string {
	switch {
	case emptySandbox(pr):
		return words.T("Empty sandbox (embedded) — to copy into")
	case pr.Kind == auth.KindEmbedded:
		return words.T("Sandbox (embedded) — test data")
	case pr.Kind == auth.KindSandbox:
		return words.T("%s — sandbox", pr.Name)
	}
	return words.T("%s — Webex (%s)", pr.Name, pr.Region)
}

// aboutText says what a connection is.
func aboutText(pr auth.Profile) string {
	if emptySandbox(pr) {
		return words.T("A second sandbox Bulkops runs itself: an organization that starts empty (only the system defaults), to copy the demo organization or a workbook into and see what the copy gives. Nothing you submit here reaches Webex.")
	}
	switch pr.Kind {
	case auth.KindEmbedded:
		return words.T("A sandbox Bulkops runs itself: a demo organization on this computer, to try everything without touching a real one. Nothing you submit here reaches Webex.")
	case auth.KindSandbox:
		return words.T("A sandbox at %s: test data, not a real organization.", pr.APIURL)
	}
	if pr.ClientID == "" {
		return words.T("A Webex Contact Center organization in %s, signed in through your own integration. Register these redirect URIs on it: %s", regionLabel(pr.Region), joinLines(pr.RedirectURIs()))
	}
	return words.T("A Webex Contact Center organization in %s, signed in through your own integration %s. Register these redirect URIs on it: %s", regionLabel(pr.Region), pr.ClientID, joinLines(pr.RedirectURIs()))
}

func regionLabel(code string) string {
	for _, r := range auth.Regions {
		if r.Code == code {
			return r.Label + " (" + r.Code + ")"
		}
	}
	return code
}

func joinLines(s []string) string {
	out := ""
	for _, l := range s {
		out += "\n" + l
	}
	return out
}

// refresh shows the selected connection and what can be done with it.
func (p *Page) refresh() {
	p.list.Refresh()
	pr, ok := p.set.Get(p.selected)
	if !ok {
		pr = p.set.Active()
		p.selected = pr.Name
	}
	for i, q := range p.listed() {
		if q.Name == pr.Name {
			p.list.Select(i) // a no-op when it is selected already
		}
	}
	p.title.SetText(profileTitle(pr))
	p.about.SetText(aboutText(pr))
	s := p.sessions[pr.Name]
	if s != nil {
		p.who.SetText(words.T("Signed in as %s", s.Label()))
	} else {
		p.who.SetText(words.T("Not signed in."))
	}
	signing := p.stopSignIn != nil
	enable(p.use, pr.Name != p.set.Current && !signing)
	enable(p.signIn, !signing && !(pr.Kind == auth.KindEmbedded && s != nil))
	enable(p.signOut, s != nil && pr.Kind != auth.KindEmbedded && !signing)
	enable(p.remove, pr.Kind != auth.KindEmbedded && !signing)
	enable(p.forget, pr.Kind != auth.KindEmbedded && !signing)
	if pr.Kind == auth.KindEmbedded {
		p.signIn.SetText(words.T("Connect"))
	} else {
		p.signIn.SetText(words.T("Sign in with Webex"))
	}
	p.relayout()
}

// relayout lays the details out again after texts changed length or parts were shown:
// a container does not follow its children's minimum sizes by itself.
func (p *Page) relayout() {
	if p.right != nil {
		p.right.Refresh()
	}
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// Current returns the connection in use and its session (nil while not signed in).
func (p *Page) Current() (auth.Profile, *conn.Connection) {
	pr := p.set.Active()
	return pr, p.sessions[pr.Name]
}

// say shows the outcome of the last action.
func (p *Page) say(text string) {
	p.message.SetText(text)
	p.relayout()
}

// Close releases every connection the page opened.
func (p *Page) Close() {
	for name, s := range p.sessions {
		_ = s.Close()
		delete(p.sessions, name)
	}
}
