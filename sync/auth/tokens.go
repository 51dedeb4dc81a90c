package auth

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/zalando/go-keyring"
	"golang.org/x/oauth2"

	"github.com/bulkops/bulkops/internal/i18n"
)

// savedSignIn is what the keyring holds for a profile under "<profile>/token".
type savedSignIn struct {
	AccessToken   string    `json:"access_token,omitempty"`
	TokenType     string    `json:"token_type,omitempty"`
	RefreshToken  string    `json:"refresh_token,omitempty"`
	Expiry        time.Time `json:"expiry,omitzero"`
	RefreshExpiry time.Time `json:"refresh_expiry,omitzero"`
	Identity      Identity  `json:"identity"`
}

func tokenKey(profile string) string  { return profile + "/token" }
func secretKey(profile string) string { return profile + "/client-secret" }

func newSavedSignIn(tok *oauth2.Token, id Identity, prev *savedSignIn) *savedSignIn {
	s := &savedSignIn{AccessToken: tok.AccessToken, TokenType: tok.TokenType,
		RefreshToken: tok.RefreshToken, Expiry: tok.Expiry, Identity: id}
	if secs := numberExtra(tok, "refresh_token_expires_in"); secs > 0 {
		s.RefreshExpiry = time.Now().Add(time.Duration(secs) * time.Second)
	} else if prev != nil && prev.RefreshToken == tok.RefreshToken {
		s.RefreshExpiry = prev.RefreshExpiry
	}
	return s
}

func (s *savedSignIn) token() *oauth2.Token {
	return &oauth2.Token{AccessToken: s.AccessToken, TokenType: s.TokenType,
		RefreshToken: s.RefreshToken, Expiry: s.Expiry}
}

// save stores the sign-in. When the keyring refuses it as too big (Windows caps a secret
// at 2560 bytes) only the refresh token and the identity are stored and the access token
// lives in memory; when even that is too big, everything stays in memory for this run.
func (s *savedSignIn) save(k *Keyring, profile string) error {
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	err = k.Set(tokenKey(profile), string(data))
	if !errors.Is(err, keyring.ErrSetDataTooBig) {
		return err
	}
	small := *s
	small.AccessToken, small.TokenType, small.Expiry = "", "", time.Time{}
	data, _ = json.Marshal(small)
	err = k.Set(tokenKey(profile), string(data))
	if errors.Is(err, keyring.ErrSetDataTooBig) {
		full, _ := json.Marshal(s)
		k.keepInMemory(tokenKey(profile), string(full), i18n.M("The sign-in is too large for the system keyring."))
		return nil
	}
	return err
}

// loadSignIn reads the saved sign-in of profile; ErrSignInRequired when there is none or
// it cannot be read.
func loadSignIn(k *Keyring, profile string) (*savedSignIn, error) {
	data, err := k.Get(tokenKey(profile))
	if errors.Is(err, ErrSecretNotFound) {
		return nil, i18n.Errorf("%w: you are not signed in to %s", ErrSignInRequired, profile)
	}
	if err != nil {
		return nil, err
	}
	var s savedSignIn
	if err := json.Unmarshal([]byte(data), &s); err != nil || s.RefreshToken == "" && s.AccessToken == "" {
		k.Delete(tokenKey(profile))
		return nil, i18n.Errorf("%w: the saved sign-in for %s could not be read", ErrSignInRequired, profile)
	}
	if !s.RefreshExpiry.IsZero() && time.Now().After(s.RefreshExpiry) && !s.token().Valid() {
		k.Delete(tokenKey(profile))
		return nil, i18n.Errorf("%w: the sign-in to %s expired on %s", ErrSignInRequired, profile,
			s.RefreshExpiry.Local().Format("2 Jan 2006"))
	}
	return &s, nil
}

// numberExtra reads a numeric field of the token response.
func numberExtra(tok *oauth2.Token, key string) float64 {
	switch v := tok.Extra(key).(type) {
	case float64:
		return v
	case json.Number:
		f, _ := v.Float64()
		return f
	}
	return 0
}
