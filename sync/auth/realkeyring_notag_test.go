//go:build !keyring_integration

package auth

const realKeyringTag = false
