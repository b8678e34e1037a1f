package httpapi

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Middleware wraps a handler with something every request goes through.
type Middleware func(http.Handler) http.Handler

// chain applies middleware so that the first one listed runs first.
func chain(h http.Handler, middleware ...Middleware) http.Handler {
	for _, m := range slices.Backward(middleware) {
		h = m(h)
	}
	return h
}

// requestInfo travels in the request's context: the id, and the route pattern
// that the mux matched (for the metrics' labels).
type requestInfo struct {
	id    string
	route string
}

type infoKey struct{}

func info(ctx context.Context) *requestInfo {
	if i, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		return i
	}
	return &requestInfo{}
}

// RequestID is the id of the request being served ("" outside a request).
func RequestID(ctx context.Context) string { return info(ctx).id }

// A proxy's or client's own id is kept only when it is short and plain: it is
// written to the log and sent back, so it must not be able to forge log lines.
var safeID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}$`)

// newUUID is a random (version 4) UUID, e.g. "3f2a9c1e-...".
func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // the RFC 9562 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// recorder remembers the status a handler wrote.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// accessLog gives each request an id (X-Request-ID, kept from the client when
// it is safe) and logs one line when it is answered: method, path, status,
// duration and id, so that a user's report ("request 3f2a... failed") leads
// straight to its log lines.
func accessLog(logger *slog.Logger, observe func(method, route string, status int, took time.Duration)) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			started := time.Now()
			id := r.Header.Get("X-Request-ID")
			if !safeID.MatchString(id) {
				id = newUUID()
			}
			w.Header().Set("X-Request-ID", id)
			ri := &requestInfo{id: id, route: "unmatched"}
			rec := &recorder{ResponseWriter: w}
			defer func() {
				status := rec.status
				if status == 0 {
					status = http.StatusOK
				}
				took := time.Since(started)
				// The path only: a query string may carry what does not belong in a log.
				logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
					slog.String("method", r.Method), slog.String("path", r.URL.Path),
					slog.Int("status", status), slog.Float64("duration_ms", float64(took.Microseconds())/1000),
					slog.String("request_id", id))
				observe(r.Method, ri.route, status, took)
			}()
			next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), infoKey{}, ri)))
		})
	}
}

// recoverPanics turns a panic in a handler into a logged 500, not a dropped connection.
func recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				Error(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets the eight security headers on every response, errors and
// 404s included: it runs before any handler can fail.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// An API returns JSON, never pages: nothing may be loaded, framed or submitted.
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
		// Browsers must use HTTPS for a year, subdomains included (it only counts over HTTPS).
		h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		// Browsers must not guess a type other than the one sent (a JSON body run as a script).
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// Links followed from a client page do not tell where they came from.
		h.Set("Referrer-Policy", "no-referrer")
		// No camera, microphone, location... for anything this API serves.
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// cors lets the listed browser origins (CORS_ORIGINS) call the API, and nobody
// else's pages. Requests without an Origin (curl, servers) are not affected.
func cors(origins []string) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			origin := r.Header.Get("Origin")
			w.Header().Add("Vary", "Origin")
			if origin == "" || !slices.Contains(origins, origin) {
				next.ServeHTTP(w, r)
				return
			}
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Expose-Headers", "X-Request-ID, Retry-After")
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				w.Header().Set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
				w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-ID")
				w.Header().Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// deadline gives every request, and so every database call made for it, at
// most d: a stuck query ends with an error instead of holding a connection.
func deadline(d time.Duration) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), d)
			defer cancel()
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// BearerToken returns the token of "Authorization: <scheme> <token>" when scheme is
// one of schemes (case-insensitively), and whether a header was sent at all.
func BearerToken(r *http.Request, schemes ...string) (token string, sent bool, ok bool) {
	header := r.Header.Get("Authorization")
	if header == "" {
		return "", false, false
	}
	scheme, token, found := strings.Cut(header, " ")
	for _, s := range schemes {
		if found && token != "" && strings.EqualFold(scheme, s) {
			return token, true, true
		}
	}
	return "", true, false
}
