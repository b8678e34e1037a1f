// Turn a test run into a grade: `make grade` runs the tests, then this script.
//
// It reads the JUnit XML report that node's test runner wrote (every test runner can
// write one, so the format outlives this project's choice of tools), prints the score,
// and writes grade.json (for machines: a teacher's class table, a CI artifact) and
// grade.md (for people: the CI run's summary page).
//
//     node scripts/grade.js REPORT.xml
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Passed, failed and total tests in a JUnit XML report (skipped ones do not count). */
export function countResults(xml) {
  let total = 0;
  let failed = 0;
  let skipped = 0;
  // <testcase .../> or <testcase ...>...</testcase>; a <failure> or <error> inside fails it.
  for (const [, , inner = ''] of xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    total += 1;
    if (/<skipped\b/.test(inner)) skipped += 1;
    else if (/<(failure|error)\b/.test(inner)) failed += 1;
  }
  const counted = total - skipped;
  return { passed: counted - failed, failed, total: counted };
}

const [report] = process.argv.slice(2);
if (!report || !existsSync(report)) {
  console.log('usage: node scripts/grade.js REPORT.xml (run `make grade` instead)');
  process.exit(2);
}
const results = countResults(readFileSync(report, 'utf8'));
const percent = results.total ? Math.round((100 * results.passed) / results.total) : 0;
const grade = { ...results, score: `${results.passed}/${results.total}`, percent };
writeFileSync('grade.json', `${JSON.stringify(grade, null, 2)}\n`);
writeFileSync('grade.md', `## Grade\n\n**${grade.score}** tests pass (${percent}%).\n`);
console.log(`Score: ${grade.score} tests pass (${percent}%)`);
