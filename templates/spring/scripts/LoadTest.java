// `make loadtest`'s two helpers around Gatling. Java runs this file directly, no build needed:
//
//     java scripts/LoadTest.java check URL        one clear line, and status 1, when nothing answers
//     java scripts/LoadTest.java summary FILE     Gatling's console output in FILE, as one summary line
//
// The summary line gives throughput, latency percentiles and errors in milliseconds, as Gatling
// measures them (whole milliseconds); its status is 1 when a request failed or Gatling did not finish.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;

class LoadTest {

    /** A line of Gatling's "Global Information" table: {@code > name (unit) | total | ok | ko}. */
    private static final Pattern ROW = Pattern.compile("^> (.+?)\\s+\\|\\s+([\\d,.]+|-)\\s+\\|\\s+([\\d,.]+|-)\\s+\\|");

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("check")) {
            check(args[1]);
        } else if (args.length == 2 && args[0].equals("summary")) {
            System.exit(summary(Path.of(args[1])));
        } else {
            System.out.println("usage: java scripts/LoadTest.java check URL | summary FILE (run `make loadtest` instead)");
            System.exit(2);
        }
    }

    static void check(String url) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/health/live"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (SSLHandshakeException e) {
            // A server answers over HTTPS with a certificate Java does not trust, such as the one
            // deploy/nginx uses, made on this machine. Gatling does not check certificates (it
            // measures the server, not its certificate), so the load test can go on.
            return;
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.out.println("loadtest: nothing answers at " + url + " (" + reason
                    + "): start the server with `make run` in another terminal, or set URL");
            System.exit(1);
        }
    }

    static int summary(Path console) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        boolean inGlobal = false;
        for (String line : Files.readAllLines(console)) {
            if (line.startsWith("---- Global Information")) {
                inGlobal = true;
            } else if (inGlobal && line.startsWith("----")) {
                break; // the next table
            } else if (inGlobal && ROW.matcher(line).find()) {
                Matcher row = ROW.matcher(line);
                row.find();
                rows.put(row.group(1).replaceAll(" \\(.*\\)$", ""), new String[] {row.group(2), row.group(3)});
            }
        }
        if (!rows.containsKey("request count")) {
            System.out.println("loadtest: Gatling did not finish (its output is above)");
            return 1;
        }
        long requests = whole(rows.get("request count")[0]);
        long errors = requests - whole(rows.get("request count")[1]);
        double perSecond = number(rows.get("mean throughput")[0]);
        System.out.printf(
                "loadtest: %d requests in %.1f s, %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors%n",
                requests,
                perSecond > 0 ? requests / perSecond : 0,
                perSecond,
                number(rows.get("response time 50th percentile")[0]),
                number(rows.get("response time 95th percentile")[0]),
                number(rows.get("response time 99th percentile")[0]),
                errors);
        return errors == 0 ? 0 : 1;
    }

    private static long whole(String cell) {
        return cell.equals("-") ? 0 : Long.parseLong(cell.replace(",", ""));
    }

    private static double number(String cell) {
        return cell.equals("-") ? 0 : Double.parseDouble(cell.replace(",", ""));
    }
}
