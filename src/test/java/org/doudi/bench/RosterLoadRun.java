package org.doudi.bench;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.doudi.test.RawHttp;
import org.doudi.test.ResidentIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The roster part of the payment-roll benchmark (issue 11's target: 2 000 000 rows at ≥ 80 % of the rate of MariaDB's
 * own bulk load of the same file, ≤ 512 MB heap). It writes a roster CSV of N rows (1 % with a wrong check character, every
 * village of the seed), then in interleaved rounds uploads it over {@code POST /api/rosters} (a new batch each round)
 * and loads the same file with {@code LOAD DATA LOCAL INFILE} into a copy of the application's table (its indexes, not
 * its foreign key), without any check. Rates in rows per second; the heap during the upload.
 */
final class RosterLoadRun {

    private static final Logger log = LoggerFactory.getLogger(RosterLoadRun.class);

    private RosterLoadRun() {
    }

    static void measure(ConfigurableApplicationContext app, String database, int rows, int rounds,
            PaymentRollRun.Heap heap, Properties p) throws Exception {
        Path csv = Files.createTempFile("roster-bench-", ".csv");
        try {
            write(csv, rows);
            p.setProperty("roster.rows", String.valueOf(rows));
            p.setProperty("roster.bytes", String.valueOf(Files.size(csv)));
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String url = "jdbc:mysql://127.0.0.1:3306/" + database + "?allowLoadLocalInfile=true";
            List<Long> upload = new ArrayList<>();
            List<Long> load = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
                s.execute("drop table if exists roster_load_baseline");
                // The application's own table, its indexes and all (LIKE leaves out the foreign key).
                s.execute("create table roster_load_baseline like roster_person");
                for (int r = 0; r < rounds; r++) {
                    heap.start();
                    long t0 = System.nanoTime();
                    HttpResponse<String> answer = client.send(
                            multipart(port, csv, "MEDICAL_EXPENSE", "bench-" + UUID.randomUUID()),
                            HttpResponse.BodyHandlers.ofString());
                    upload.add((System.nanoTime() - t0) / 1_000_000);
                    heap.stop("roster", p);
                    if (answer.statusCode() != 201) {
                        throw new IllegalStateException("POST /api/rosters answered " + answer.statusCode() + ": "
                                + answer.body().substring(0, Math.min(500, answer.body().length())));
                    }
                    JsonNode a = Http.JSON.readTree(answer.body());
                    p.setProperty("roster.imported", a.path("imported").asText());
                    p.setProperty("roster.rejected", a.path("rejectedTotal").asText());

                    s.execute("truncate table roster_load_baseline");
                    t0 = System.nanoTime();
                    s.execute("load data local infile '" + csv.toString().replace("\\", "/") + "' into table"
                            + " roster_load_baseline character set utf8mb4 fields terminated by ',' lines terminated"
                            + " by '\\n' ignore 1 lines (id_number, name, village_code, amount, note) set batch_id = 0,"
                            + " line = 0, township_code = left(village_code, 9), county_code = left(village_code, 6)");
                    load.add((System.nanoTime() - t0) / 1_000_000);
                    log.info("roster round {}: upload {} ms, LOAD DATA {} ms", r + 1, upload.get(r), load.get(r));
                }
                s.execute("drop table roster_load_baseline");
            }
            p.setProperty("roster.upload.ms", join(upload));
            p.setProperty("roster.load.ms", join(load));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** N rows: distinct valid resident IDs, every hundredth with a wrong check character. */
    static void write(Path csv, int rows) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("idNumber,name,villageCode,amount,note\n");
            LocalDate base = LocalDate.of(1940, 1, 1);
            for (int i = 0; i < rows; i++) {
                String id = ResidentIds.of(RollSeed.COUNTY, base.plusDays((i / 999) % 25_000), i % 999 + 1);
                if (i % 100 == 99) {
                    id = ResidentIds.withBadChecksum(id);
                }
                w.write(id);
                w.write(",名单人员");
                w.write(Integer.toString(i));
                w.write(",");
                w.write(RollSeed.COUNTY + (100 + i % 20) + "201");
                w.write(",");
                w.write(Integer.toString(i % 5000));
                w.write(".25,基准\n");
            }
        }
    }

    /** {@code POST /api/rosters} of a file as reviewer1. */
    static HttpRequest multipart(int port, Path csv, String source, String batch) throws Exception {
        String boundary = "----doudi" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n" + source + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"batch\"\r\n\r\n" + batch + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rosters"))
                .timeout(Duration.ofMinutes(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofString(tail)));
        RawHttp.basic("reviewer1", Http.PASSWORD).forEach(b::header);
        return b.build();
    }

    private static String join(List<Long> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
