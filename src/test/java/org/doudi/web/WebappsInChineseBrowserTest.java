package org.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.Demo.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's webapps speak Chinese to staff, in real headless Chromium (Debian's chromium and chromium-driver)
 * whose own language is English and whose time zone is the machine's (UTC here): Tasklist, Cockpit and Admin
 * in Chinese, no Camunda 8 banner, dates in China Standard Time and the date picker in Chinese
 * (docs/webapps-zh.md). The machine has no CJK fonts, so the assertions read text, not pixels; screenshots
 * go to {@code target/webapps-zh-*.png}.
 */
@IntegrationTest
@Tag("browser")
class WebappsInChineseBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("DOUDI_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("DOUDI_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final String ADMIN = "admin";

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver driver;
    @Autowired
    TaskService tasks;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
                .as("Chromium and chromedriver (apt-get install chromium chromium-driver)").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("doudi-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tasklistIsChineseWithoutTheCamunda8BannerAndShowsChinaTime() throws Exception {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).caseNumber();
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(n).singleResult().getId();
        // 09:00 UTC is 17:00 in Beijing, on a Tuesday
        tasks.setDueDate(taskId, Date.from(Instant.parse("2001-01-02T09:00:00Z")));
        tasks.setFollowUpDate(taskId, Date.from(Instant.parse("2001-01-02T09:00:00Z")));

        browser.get(url("tasklist"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[type=submit]")));
        assertThat(text()).contains("登录");
        login(CASEWORKER1, ".task-filters");

        waitForText("发起流程");
        assertThat(text()).contains("发起流程", "兜底 任务列表").doesNotContain("Start process", "Camunda 8");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
        assertThat(browser.getTitle()).isEqualTo("兜底 任务列表");
        assertThat(footer()).contains("日期和时间的显示时区", "Asia/Shanghai").doesNotContain("UTC");

        browser.get(url("tasklist") + "#/?task=" + taskId);
        WebElement due = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".due-date span[am-time-ago]")));
        wait.until(d -> due.getAttribute("uib-tooltip").contains("年"));
        assertThat(due.getAttribute("uib-tooltip")).isEqualTo("2001年1月2日星期二 17:00");
        assertThat(due.getText()).endsWith("年前");

        // The date picker of the follow-up date (staff may change only that one): Chinese month title and
        // weekdays, the week from Monday.
        click(By.cssSelector(".followup-date .view-value"));
        WebElement picker = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".datepicker table")));
        assertThat(picker.getText()).contains("2001年1月", "周一", "周日");
        assertThat(picker.findElements(By.cssSelector("thead th small")).get(0).getText()).isEqualTo("周一");
        assertThat(browser.findElement(By.cssSelector(".followup-date .preview")).getText()).isEqualTo("2001年1月2日 17:00");
        screenshot("tasklist");

        // The 5th picked, at the picker's 17:00: 17:00 in China, whatever the browser's zone.
        click(By.xpath("//td//button[span[normalize-space(.)='05' and not(contains(@class,'text-muted'))]]"));
        click(By.cssSelector("button[ng-click=\"applyChange($event);\"]"));
        await().atMost(Duration.ofSeconds(60)).until(
                () -> tasks.createTaskQuery().taskId(taskId).singleResult().getFollowUpDate().toInstant(),
                org.hamcrest.Matchers.equalTo(Instant.parse("2001-01-05T09:00:00Z")));
    }

    @Test
    void cockpitAndAdminAreChinese() throws Exception {
        browser.get(url("cockpit"));
        login(ADMIN, ".dashboard");
        waitForText("运行中的流程实例");
        assertThat(text()).contains("运行中的流程实例", "流程定义", "兜底 驾驶舱").doesNotContain("Camunda 8", "Processes");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
        assertThat(footer()).contains("Asia/Shanghai");
        screenshot("cockpit");

        browser.get(url("admin"));
        waitForText("用户");
        wait.until(d -> text().contains("兜底 系统管理"));
        assertThat(text()).contains("用户组", "授权").doesNotContain("Camunda 8", "Authorizations");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
        screenshot("admin");
    }

    // --- the webapps, as a person uses them ---------------------------------------------------------------

    private String url(String app) {
        return "http://localhost:" + port + "/camunda/app/" + app + "/";
    }

    private void login(String user, String landmark) {
        type(By.cssSelector("input[type=text]"), user);
        type(By.cssSelector("input[type=password]"), PASSWORD);
        click(By.cssSelector("button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(landmark)));
    }

    private String text() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText;");
    }

    private void waitForText(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(() -> "no '" + expected + "' on the page:\n" + text())
                .until(d -> text().contains(expected));
    }

    private String footer() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("footer-timezone"))).getText();
    }

    private void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void type(By by, String text) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        element.clear();
        element.sendKeys(text);
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "webapps-zh-" + name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
