// Command grade turns a test run into a grade: `make grade` runs the tests with
// `go test -json`, then this program reads that report, prints the score and
// writes grade.json (for machines: a teacher's class table, a CI artifact) and
// grade.md (for people: the CI run's summary page).
//
//	go run ./cmd/grade REPORT.json
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// event is one line of `go test -json` (the fields used here).
type event struct {
	Action  string
	Package string
	Test    string
}

// Grade is what grade.json holds.
type Grade struct {
	Passed  int    `json:"passed"`
	Failed  int    `json:"failed"`
	Total   int    `json:"total"`
	Score   string `json:"score"`
	Percent int    `json:"percent"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Println("usage: go run ./cmd/grade REPORT.json (run `make grade` instead)")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(report string) error {
	file, err := os.Open(report)
	if err != nil {
		return err
	}
	defer file.Close()
	grade, err := count(bufio.NewScanner(file))
	if err != nil {
		return err
	}
	encoded, _ := json.MarshalIndent(grade, "", "  ")
	if err := os.WriteFile("grade.json", append(encoded, '\n'), 0o644); err != nil {
		return err
	}
	summary := fmt.Sprintf("## Grade\n\n**%s** tests pass (%d%%).\n", grade.Score, grade.Percent)
	if err := os.WriteFile("grade.md", []byte(summary), 0o644); err != nil {
		return err
	}
	fmt.Printf("Score: %s tests pass (%d%%)\n", grade.Score, grade.Percent)
	return nil
}

// count scores the innermost tests (a test with subtests is their sum, not
// one more test); skipped tests do not count.
func count(lines *bufio.Scanner) (Grade, error) {
	results := map[string]string{}
	for lines.Scan() {
		var e event
		if json.Unmarshal(lines.Bytes(), &e) != nil || e.Test == "" {
			continue
		}
		if e.Action == "pass" || e.Action == "fail" || e.Action == "skip" {
			results[e.Package+" "+e.Test] = e.Action
		}
	}
	var g Grade
	for name, result := range results {
		if hasSubtests(name, results) || result == "skip" {
			continue
		}
		g.Total++
		if result == "pass" {
			g.Passed++
		}
	}
	g.Failed = g.Total - g.Passed
	g.Score = fmt.Sprintf("%d/%d", g.Passed, g.Total)
	if g.Total > 0 {
		g.Percent = (100*g.Passed + g.Total/2) / g.Total // rounded
	}
	return g, lines.Err()
}

func hasSubtests(name string, results map[string]string) bool {
	for other := range results {
		if strings.HasPrefix(other, name+"/") {
			return true
		}
	}
	return false
}
