package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct {
		name, text string
		maxLen     int
		want       string
	}{
		{"lowercases words and joins them with hyphens", "How to Train Your Dragon!", 80, "how-to-train-your-dragon"},
		{"drops accents rather than letters", "Café & Crème Brûlée", 80, "cafe-creme-brulee"},
		{"keeps digits", "Top 10 of 2026", 80, "top-10-of-2026"},
		{"has no hyphen at either end", "  --Hello--  ", 80, "hello"},
		{"is empty when nothing is left", "!!! ???", 80, ""},
		{"is empty for letters outside ASCII", "日本語", 80, ""},
		{"stops at the length without a trailing hyphen", "abcd efgh", 5, "abcd"},
		{"cuts a long word at the length", "abcdefgh", 5, "abcde"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Make(tt.text, tt.maxLen); got != tt.want {
				t.Errorf("Make(%q, %d) = %q, want %q", tt.text, tt.maxLen, got, tt.want)
			}
		})
	}
}
