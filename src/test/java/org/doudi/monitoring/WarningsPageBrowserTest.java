package org.doudi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.doudi.payments.RollFixture;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.RegionRepository;
import org.doudi.test.IntegrationTest;
import org.doudi.test.PageBrowser;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warnings page (/warnings) in headless Chromium (Debian's chromium and chromium-driver): a township caseworker
 * logs in on the login page it sends him to, sees his township's warnings in Chinese with masked IDs, ticks them all
 * and dismisses them at once with a reason (a state-changing call on the webapps' session, with their CSRF token).
 * A screenshot goes to {@code target/warnings-page.png}.
 */
@IntegrationTest
@Tag("browser")
class WarningsPageBrowserTest {


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCounties counties;
    @Autowired
    RegionRepository regions;
    @Autowired
    CountyPolicyRepository policies;
    @Autowired
    IdentityService identity;
    @Autowired
    TransactionTemplate tx;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCaseworkerDismissesHisTownshipsWarningsAtOnce() throws Exception {
        assumeThat(PageBrowser.available())
                .as("Chromium and chromedriver (apt-get install chromium chromium-driver)").isTrue();
        RollFixture.County c = new RollFixture(jdbc, counties, regions, policies, identity, tx)
                .county(AmountRule.EXACT);
        String id = ResidentIds.ofAge(47);
        for (String[] w : List.of(new String[] { "LOW_INCOME_NOT_ENROLLED", "页面甲" },
                new String[] { "HIGH_MEDICAL_COSTS", "页面乙" }, new String[] { "MULTIPLE_ROSTERS", "页面丙" })) {
            jdbc.update("insert into monitoring_warning (rule, kind, level, reason, status, id_number, name,"
                    + " village_code, township_code, county_code, facts, open_rule, raised_at) values (?, 'MISSED',"
                    + " 'ORANGE', '测试原因', 'NEW', ?, ?, ?, ?, ?, 'f', ?, ?)", w[0], id, w[1], c.village(),
                    c.township(), c.code(), w[0], Timestamp.from(Instant.now()));
        }

        browser = PageBrowser.start("1400,1000");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // The page sends a browser without a session to the login (the webapps' own), and back after it.
        PageBrowser.openLoggedIn(browser, wait, "http://localhost:" + port + "/warnings/", c.caseworker());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "共 3 条"));
        String table = browser.findElement(By.id("warnings")).getText();
        assertThat(table).contains("低收入未纳入", "大额医疗自付", "多个救助名单", "页面甲", "待处理")
                .contains(id.substring(0, 6) + "********" + id.substring(14)).doesNotContain(id);

        browser.findElement(By.id("all")).click();
        browser.findElement(By.cssSelector("#triage input[name=note]")).sendKeys("入户核实，均不符合条件");
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).renameTo(Path.of("target", "warnings-page.png")
                .toFile());
        WebElement dismiss = browser.findElement(By.cssSelector("#triage button[data-action=DISMISS]"));
        dismiss.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("triage-result"), "已处理 3 条"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("select count(*) from"
                + " monitoring_warning where county_code = ? and status = 'DISMISSED' and note = ?", Integer.class,
                c.code(), "入户核实，均不符合条件") == 3);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "共 0 条"));

        // A staff-conduct call taken on the page is listed under it at once, without the reporter.
        WebElement form = browser.findElement(By.id("hotline"));
        new Select(form.findElement(By.name("kind"))).selectByValue("CONDUCT");
        form.findElement(By.name("name")).sendKeys("某村干部");
        form.findElement(By.name("villageCode")).sendKeys(c.village());
        form.findElement(By.name("text")).sendKeys("办事拖拉");
        form.findElement(By.name("reporterPhone")).sendKeys("13600004444");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hotline-result"), "已登记，编号 RX-"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hotline-list"), "办事拖拉"));
        assertThat(browser.findElement(By.id("hotline-list")).getText()).contains("工作人员作风问题", "县级办理中", "某村干部")
                .doesNotContain("13600004444");
        assertThat(browser.findElement(By.id("hotline-export")).getAttribute("href")).contains("format=xlsx");
    }
}
