//go:build keyring_integration

package auth

// realKeyringTag is set by -tags keyring_integration.
const realKeyringTag = true
