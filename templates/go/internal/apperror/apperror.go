// Package apperror is the one error type for everything the application refuses
// on purpose. Domain code returns an *Error with a code; it never knows HTTP
// status codes. The HTTP layer (package httpapi) holds the one map from codes to
// statuses, and turns any other error into a generic 500 whose details go only
// to the log.
package apperror

import (
	"errors"
	"fmt"
	"strings"
)

// Code says what kind of refusal an error is.
type Code string

// The codes. httpapi maps each to one HTTP status.
const (
	BadRequest      Code = "bad_request"       // the request itself is unusable, e.g. a missing header (400)
	Invalid         Code = "invalid"           // the input breaks a rule (422)
	Unauthorized    Code = "unauthorized"      // no valid token, or wrong credentials (401)
	Forbidden       Code = "forbidden"         // valid caller, not theirs to change (403)
	NotFound        Code = "not_found"         // it does not exist (404)
	Conflict        Code = "conflict"          // it clashes with what exists, e.g. a taken name (409)
	TooLarge        Code = "too_large"         // the request body is over the cap (413)
	TooManyRequests Code = "too_many_requests" // a limit is reached (429)
	Internal        Code = "internal"          // a bug or an outage; the client sees no details (500)
	PaymentDeclined Code = "payment_declined"  // the payment provider refused the payment (402)
	Upstream        Code = "upstream_failed"   // a service we depend on failed; nothing was done (502)
)

// Error is a refusal the client may see: a code and messages per field, which
// httpapi writes in the contract's error shape.
type Error struct {
	Code   Code
	Fields map[string][]string
	// RetryAfter is how long to wait before retrying a 429, in whole seconds.
	RetryAfter int
	// Detail is one sentence for people, when the fields' messages do not say it
	// well; shapes that have no such sentence leave it out.
	Detail string
	// Extensions are more members of the answer, e.g. {"short": [...]} for a
	// checkout that asks for more than is in stock (shapes without them leave
	// them out).
	Extensions map[string]any
}

func (e *Error) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for field, messages := range e.Fields {
		parts = append(parts, field+" "+strings.Join(messages, ", "))
	}
	return fmt.Sprintf("%s: %s", e.Code, strings.Join(parts, "; "))
}

// New is an error with one message for one field.
func New(code Code, field, message string) *Error {
	return &Error{Code: code, Fields: map[string][]string{field: {message}}}
}

// Invalidf is a validation error for one field, e.g. Invalidf("email", "is invalid").
func Invalidf(field, format string, args ...any) *Error {
	return New(Invalid, field, fmt.Sprintf(format, args...))
}

// NotFoundError says that `what` does not exist.
func NotFoundError(what string) *Error { return New(NotFound, what, "not found") }

// UnauthorizedError says that the token is missing or invalid.
func UnauthorizedError() *Error { return New(Unauthorized, "token", "is missing or invalid") }

// ConflictError says that `what` clashes with what exists, e.g.
// ConflictError("email", "is already taken").
func ConflictError(what, message string) *Error { return New(Conflict, what, message) }

// ForbiddenError says that `what` belongs to someone else.
func ForbiddenError(what string) *Error { return New(Forbidden, what, "is not yours to change") }

// CodeOf returns the code of err if it is (or wraps) an *Error, and "" otherwise.
func CodeOf(err error) Code {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Code
	}
	return ""
}
