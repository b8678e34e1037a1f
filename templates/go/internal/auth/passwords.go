// Package auth holds what proves who is calling: password hashes, signed
// tokens, the failed-login limits and the client's address.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/crypto/argon2"
)

// HashParams is the cost of an argon2id hash: memory (KiB), passes and threads.
type HashParams struct {
	Memory  uint32
	Time    uint32
	Threads uint8
}

// DefaultHashParams is OWASP's recommended argon2id setting (19 MiB, 2 passes).
// argon2id is slow and memory-hard on purpose, so that guessing leaked hashes is
// slow too. Every hash records its own cost, so hashes made with another one
// (the tests' cheaper one) still verify.
var DefaultHashParams = HashParams{Memory: 19 * 1024, Time: 2, Threads: 1}

// TestHashParams is far cheaper: for the test suite only.
var TestHashParams = HashParams{Memory: 1024, Time: 1, Threads: 1}

const (
	saltLength = 16
	keyLength  = 32
)

// Every request runs on its own goroutine, so a hash never stops the server from
// answering others; this limits how many hashes run at once, so that a burst of
// sign-ins cannot take more memory than NumCPU hashes need.
var hashSlots = make(chan struct{}, runtime.NumCPU())

// Hasher hashes and verifies passwords with argon2id.
type Hasher struct {
	params HashParams
	dummy  string
}

// NewHasher is a Hasher that makes new hashes with params.
func NewHasher(params HashParams) *Hasher {
	h := &Hasher{params: params}
	// Checked when an e-mail is unknown, so that signing in as nobody takes as
	// long as a wrong password: the timing does not tell which accounts exist.
	h.dummy, _ = h.Hash(context.Background(), "not-a-real-password")
	return h
}

// Hash returns "$argon2id$v=19$m=...,t=...,p=...$salt$key" (PHC string format).
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	salt := make([]byte, saltLength)
	rand.Read(salt)
	key, err := derive(ctx, password, salt, h.params)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		h.params.Memory, h.params.Time, h.params.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// Verify reports whether password is the one hash was made from.
func (h *Hasher) Verify(ctx context.Context, password, hash string) (bool, error) {
	params, salt, want, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	got, err := derive(ctx, password, salt, params)
	if err != nil {
		return false, err
	}
	// ConstantTimeCompare takes as long however many bytes match.
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// VerifyDummy does the work of Verify for an unknown account, and says no.
func (h *Hasher) VerifyDummy(ctx context.Context, password string) error {
	_, err := h.Verify(ctx, password, h.dummy)
	return err
}

func derive(ctx context.Context, password string, salt []byte, p HashParams) ([]byte, error) {
	select {
	case hashSlots <- struct{}{}:
		defer func() { <-hashSlots }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, keyLength), nil
}

var errBadHash = errors.New("not an argon2id hash")

func parseHash(hash string) (HashParams, []byte, []byte, error) {
	var p HashParams
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, errBadHash
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return p, nil, nil, errBadHash
	}
	key, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil {
		return p, nil, nil, errBadHash
	}
	return p, salt, key, nil
}
