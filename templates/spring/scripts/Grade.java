// Turns a test run into a grade: `make grade` runs the tests, then this program reads
// Maven Surefire's reports (one XML file per test class), prints the score and writes
// grade.json (for machines: a teacher's class table, a CI artifact) and grade.md (for
// people: the CI run's summary page). Java runs this file directly, no build needed:
//
//     java scripts/Grade.java target/surefire-reports

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class Grade {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.out.println("usage: java scripts/Grade.java target/surefire-reports (run `make grade` instead)");
            System.exit(2);
        }
        File[] reports = new File(args[0]).listFiles((dir, name) -> name.startsWith("TEST-") && name.endsWith(".xml"));
        int passed = 0;
        int total = 0;
        for (File report : reports == null ? new File[0] : reports) {
            NodeList cases = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(report)
                    .getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element test = (Element) cases.item(i);
                // Skipped tests do not count; a failure or an error is a failed test.
                if (test.getElementsByTagName("skipped").getLength() > 0) {
                    continue;
                }
                total++;
                boolean failed = test.getElementsByTagName("failure").getLength() > 0
                        || test.getElementsByTagName("error").getLength() > 0;
                if (!failed) {
                    passed++;
                }
            }
        }
        int percent = total == 0 ? 0 : (100 * passed + total / 2) / total; // rounded
        String score = passed + "/" + total;
        Files.writeString(
                Path.of("grade.json"),
                """
                {
                  "passed": %d,
                  "failed": %d,
                  "total": %d,
                  "score": "%s",
                  "percent": %d
                }
                """
                        .formatted(passed, total - passed, total, score, percent));
        Files.writeString(Path.of("grade.md"), "## Grade\n\n**%s** tests pass (%d%%).\n".formatted(score, percent));
        System.out.printf("Score: %s tests pass (%d%%)%n", score, percent);
    }
}
