package org.doudi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.doudi.test.Demo.*;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.PageBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision page in real headless Chromium (Debian's chromium package, /usr/bin/chromium; set
 * DOUDI_CHROMIUM to use another): the page sends the supervisor to the webapps' login and back, loads the overdue
 * work of his region and shows it. A screenshot is left in target/supervision-*.png.
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


    @Test
    void supervisorsSeeTheOverdueWorkOfTheirRegionInTheBrowser() throws Exception {
        assumeThat(PageBrowser.available())
                .as("Chromium and chromedriver (apt-get install chromium chromium-driver)").isTrue();
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

    /**
     * The page as Chromium renders it after its scripts ran, logged in as the user: the page sends a browser without a
     * session to the login page (the webapps' own login), which brings it back.
     */
    private String page(String user, String name) throws IOException {
        WebDriver browser = PageBrowser.start("1400,1000");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            PageBrowser.openLoggedIn(browser, wait, "http://localhost:" + port + "/supervision/", user);
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
            ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE)
                    .renameTo(Path.of("target", "supervision-" + name + ".png").toFile());
            return browser.getPageSource();
        } finally {
            browser.quit();
        }
    }
}
