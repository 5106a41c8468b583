package org.doudi.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.doudi.test.Demo.CASEWORKER1;
import static org.doudi.test.Demo.PASSWORD;
import static org.doudi.test.Demo.VILLAGE_A1;

import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.doudi.cases.AssistanceCase;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.PageBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
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
 * The case file (案卷) and case search (案件查询) in headless Chromium, on the webapps' login: a caseworker opens a case
 * link without a session, logs in on the login page and lands on the case; it shows its status, members (IDs masked),
 * open step with its deadline, timeline and notices in Chinese; the search finds it by name and links to it; 退出 ends
 * the session, for Tasklist too. A screenshot goes to {@code target/case-file.png}.
 */
@IntegrationTest
@Tag("browser")
class CaseFileBrowserTest {


    @LocalServerPort
    int port;
    @Autowired
    CaseDriver driver;
    @Autowired
    TaskService tasks;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCaseworkerLogsInOnceFindsACaseAndReadsItsFile() throws Exception {
        assumeThat(PageBrowser.available()).as("Chromium and chromedriver (apt-get install chromium chromium-driver)")
                .isTrue();
        AssistanceCase c = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2));
        String number = c.caseNumber();
        String id = c.applicantIdNumber();

        browser = PageBrowser.start("1400,1600");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;

        PageBrowser.openLoggedIn(browser, wait, base + "/cases/" + number, CASEWORKER1);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).renameTo(Path.of("target", "case-file.png")
                .toFile());

        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("案卷 " + number);
        assertThat(page).contains("概况", "低保", "待受理", "家庭成员", "本人", "待办环节与期限", "受理", "办理过程", "文书",
                "受理通知书").contains(id.substring(0, 6) + "********" + id.substring(14)).doesNotContain(id);
        assertThat(browser.findElement(By.id("open-tasks")).getText()).contains("乡镇经办").contains("未到期");

        // The search finds it by the applicant's name and links to the file.
        browser.get(base + "/cases?q=" + c.applicantName());
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
        assertThat(browser.findElement(By.id("results")).getText()).contains(number);
        browser.findElement(By.linkText(number)).click();
        wait.until(ExpectedConditions.urlToBe(base + "/cases/" + number));

        // 退出 ends the webapps' session: the next page asks for the login again.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.urlToBe(base + "/login"));
        browser.get(base + "/cases");
        wait.until(ExpectedConditions.urlContains("/login?return="));
    }
}
