// Package slug makes the readable part of URLs from titles and names.
package slug

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Make turns "Café & Books!" into "cafe-books": lowercase ASCII letters and
// digits, each run of anything else one hyphen, at most maxLen bytes. It is ""
// when the text has no letter or digit at all; callers choose their fallback.
func Make(text string, maxLen int) string {
	var b strings.Builder
	hyphen := false
	// NFKD splits "é" into "e" and a combining accent, which is then dropped.
	for _, r := range norm.NFKD.String(strings.ToLower(text)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if b.Len() >= maxLen {
				return b.String()
			}
			if hyphen && b.Len() > 0 {
				if b.Len()+1 >= maxLen {
					return b.String()
				}
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r < 0x300 || r > 0x36f: // anything but a combining accent separates words
			hyphen = true
		}
	}
	return b.String()
}
