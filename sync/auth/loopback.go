package auth

import (
	"crypto/rand"
	"encoding/base64"
	"html/template"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/bulkops/bulkops/internal/i18n"
)

// listenLoopback listens on 127.0.0.1 on the first free port of ports (0 = any).
func listenLoopback(ports []int) (net.Listener, int, error) {
	var errs []string
	for _, port := range ports {
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err == nil {
			return ln, ln.Addr().(*net.TCPAddr).Port, nil
		}
		errs = append(errs, err.Error())
	}
	list := make([]string, len(ports))
	for i, p := range ports {
		list[i] = strconv.Itoa(p)
	}
	return nil, 0, i18n.Errorf("no redirect port is free on 127.0.0.1 (tried %s): close the program using them, or register another port on the integration and add it to the profile (%s)",
		strings.Join(list, ", "), strings.Join(errs, "; "))
}

// randomState is the OAuth state: 32 random bytes, so that a redirect Bulkops did not
// start cannot be passed off as the answer to this sign-in.
func randomState() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// callbackResult is what the browser brought back: a code, or why there is none.
type callbackResult struct {
	code string
	err  error
}

// callbackHandler receives the redirect. An answer with the wrong state is refused and the
// sign-in goes on waiting (it may be a stale tab or another site's attempt); the first
// answer with the right state ends it, with a code or with the server's error.
func callbackHandler(state string, results chan<- callbackResult, lang string) http.Handler {
	var once sync.Once
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != RedirectPath {
			http.NotFound(w, r)
			return
		}
		q := r.URL.Query()
		if q.Get("state") != state {
			page(w, http.StatusBadRequest, lang, i18n.M("This sign-in answer is not for the sign-in Bulkops is waiting for."),
				i18n.M("If you started a sign-in in Bulkops, use the browser tab it opened, or start again."))
			return
		}
		res := callbackResult{code: q.Get("code")}
		switch {
		case q.Get("error") != "":
			why := describe(q.Get("error"), q.Get("error_description")) // the server's words
			res = callbackResult{err: i18n.Errorf("the identity server did not sign you in: %s", why)}
			page(w, http.StatusOK, lang, i18n.M("Sign-in was not completed."), i18n.Raw(why))
		case res.code == "":
			res = callbackResult{err: i18n.Errorf("the identity server sent no authorization code")}
			page(w, http.StatusBadRequest, lang, i18n.M("Sign-in was not completed."), i18n.M("The identity server sent no authorization code."))
		default:
			page(w, http.StatusOK, lang, i18n.M("Bulkops received your sign-in."), i18n.M("You can close this tab and return to Bulkops."))
		}
		once.Do(func() { results <- res })
	})
}

func describe(code, description string) string {
	if description == "" {
		return code
	}
	return code + " (" + description + ")"
}

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Head}}</title></head>
<body style="font-family:sans-serif;margin:3em"><h1>{{.Title}}</h1><p>{{.Text}}</p></body></html>
`))

// page answers the browser with a title and a sentence in language lang.
func page(w http.ResponseWriter, status int, lang string, title, text i18n.Msg) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	pageTemplate.Execute(w, struct{ Lang, Head, Title, Text string }{
		lang, i18n.M("Bulkops sign-in").In(lang), title.In(lang), text.In(lang)})
}
