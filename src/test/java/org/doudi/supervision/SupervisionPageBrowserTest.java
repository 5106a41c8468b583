package org.doudi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.doudi.test.Demo.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision page in real headless Chromium (Debian's chromium package, /usr/bin/chromium; set
 * DOUDI_CHROMIUM to use another): the page logs in with HTTP Basic, loads the overdue work of the
 * supervisor's region and shows it. A screenshot is left in target/supervision-*.png.
 */
@IntegrationTest
class SupervisionPageBrowserTest {

    static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseDriver driver;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Path chromium() {
        return Path.of(System.getenv().getOrDefault("DOUDI_CHROMIUM", "/usr/bin/chromium"));
    }

    @Test
    void supervisorsSeeTheOverdueWorkOfTheirRegionInTheBrowser() throws Exception {
        assumeThat(Files.isExecutable(chromium())).as("Chromium at " + chromium() + " (apt-get install chromium)")
                .isTrue();
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-03-02T10:00:00").atZone(CST).toInstant()));
        String late = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        String elsewhere = driver.submit(CASEWORKER9, CaseDriver.dibao(VILLAGE_B1, 2)).caseNumber();
        // township A2 is a deep-poverty township (深度贫困) in the demo data
        String deep = driver.submit(CASEWORKER2, CaseDriver.dibao(VILLAGE_A2, 2)).caseNumber();
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-03-06T09:00:00").atZone(CST).toInstant()));
        driver.fireDueTimers(late);
        driver.fireDueTimers(elsewhere);
        driver.fireDueTimers(deep);

        String county = page("supervisor1", "county");
        assertThat(county).contains("data-loaded=\"true\"").contains("supervisor1").contains("甲县（130102）");
        assertThat(county).contains("data-case-number=\"" + late + "\"").contains("受理申请").contains("一级");
        assertThat(county).as("county B is not county A's").doesNotContain(elsewhere);
        assertThat(county).contains("/camunda/app/tasklist/default/#/?task=");
        assertThat(county).as("the filter by area").contains("<option value=\"true\">深度贫困地区</option>");
        assertThat(county).contains("data-case-number=\"" + deep + "\" data-deep-poverty=\"DEEP_POVERTY\"")
                .contains("class=\"tag deep-poverty deep_poverty\"");
        assertThat(county).doesNotContain("data-case-number=\"" + late + "\" data-deep-poverty");

        String township = page("tsupervisor1", "township");
        assertThat(township).contains("data-loaded=\"true\"").contains("data-case-number=\"" + late + "\"");
    }

    /** The page as Chromium renders it after its scripts ran, logged in as the user. */
    private String page(String user, String name) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("doudi-chromium");
        String url = "http://" + user + ":" + PASSWORD + "@localhost:" + port + "/supervision/";
        List<String> common = List.of(chromium().toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--virtual-time-budget=10000");
        List<String> dump = new ArrayList<>(common);
        dump.add("--dump-dom");
        dump.add(url);
        Process p = new ProcessBuilder(dump).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();

        List<String> shot = new ArrayList<>(common);
        shot.add("--window-size=1400,1000");
        shot.add("--screenshot=" + Path.of("target", "supervision-" + name + ".png").toAbsolutePath());
        shot.add(url);
        Process s = new ProcessBuilder(shot).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        s.waitFor(90, TimeUnit.SECONDS);
        return dom;
    }
}
