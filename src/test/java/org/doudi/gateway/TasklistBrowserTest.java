package org.doudi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.Demo.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * Tasklist still works for staff behind the engine API's guard, in real headless Chromium (Debian's
 * chromium and chromium-driver): a village clerk starts an application with the start form, a
 * caseworker claims, sets a follow-up date, unclaims, claims again and completes, a county reviewer
 * decides. Screenshots go to {@code target/tasklist-*.png}.
 */
@IntegrationTest
@Tag("browser")
class TasklistBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("DOUDI_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("DOUDI_CHROMEDRIVER", "/usr/bin/chromedriver"));

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver driver;
    @Autowired
    CaseRepository cases;
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
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("doudi-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // Generous: on a loaded 2-core machine Tasklist takes its time to render a form.
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aClerkStartsAnApplicationAndACaseworkerWorksItsFirstTask() throws Exception {
        String applicantId = ResidentIds.ofAge(52);
        login(CLERK1);
        click(By.xpath("//a[contains(., '发起流程')]"));
        click(By.xpath("//div[contains(@class,'modal-body')]//a[contains(., '低保与特困申请审核确认')]"));
        click(By.cssSelector(".fjs-form-field-select"));
        click(By.cssSelector(".fjs-dropdownlist-item"));
        // The form's own checks speak Chinese and name the field, never a raw pattern.
        type(By.cssSelector(".fjs-form-field-textfield input"), "1301");
        click(By.cssSelector(".fjs-form-field-button button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"),
                "「村（居）区划代码」格式不正确：12 位统计用区划代码"));
        String checks = browser.findElement(By.cssSelector(".fjs-form")).getText();
        assertThat(checks).contains("请填写「").doesNotContain("Field ").doesNotContain("^[0-9]");
        type(By.cssSelector(".fjs-form-field-textfield input"), VILLAGE_A1);
        var person = browser.findElements(By.cssSelector(".fjs-form-field-group .fjs-form-field-textfield input"));
        person.get(0).sendKeys("浏览器");
        person.get(1).sendKeys(applicantId);
        person.get(2).sendKeys("13900000000");
        type(By.cssSelector("textarea"), "因病致贫");
        screenshot("start-form");
        click(By.cssSelector(".fjs-form-field-button button"));

        AssistanceCase c = await().atMost(Duration.ofSeconds(60)).until(
                () -> cases.findOpenCaseOf(applicantId, "DIBAO").orElse(null), found -> found != null);
        assertThat(c.submittedBy()).isEqualTo(CLERK1);
        String n = c.caseNumber();
        // Tasklist says which case was started, with a link to its file.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("doudi-started-case"), "已受理，案件编号：" + n));
        assertThat(browser.findElement(By.linkText(n)).getAttribute("href")).endsWith("/cases/" + n);
        logout();

        login(CASEWORKER1);
        openTaskOf(n);
        click(By.cssSelector("button.claim"));
        awaitAssignee(n, CASEWORKER1);
        click(By.cssSelector("a[translate=SET_FOLLOW_UP_DATE]"));
        click(By.cssSelector("button[ng-click=\"applyChange($event);\"]"));
        await().atMost(Duration.ofSeconds(60)).until(() -> task(n).getFollowUpDate() != null);
        click(By.cssSelector("button.unclaim"));
        awaitAssignee(n, null);
        click(By.cssSelector("button.claim"));
        awaitAssignee(n, CASEWORKER1);
        click(By.xpath("//label[contains(., '材料齐全，予以受理')]"));
        // The per-member record of the 核对授权书: the checklist lists the adult (the applicant), ticked here.
        click(By.xpath("//label[contains(., '浏览器（本人')]"));
        screenshot("accept-form");
        click(By.cssSelector("button[ng-click=\"complete()\"]"));
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.status(n) == CaseStatus.INVESTIGATION);
    }

    @Test
    void aCountyReviewerDecidesInTasklist() throws Exception {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, CaseDriver.homeVisit(600, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n);
        try {
            login(REVIEWER1);
            openTaskOf(n);
            click(By.cssSelector("button.claim"));
            awaitAssignee(n, REVIEWER1);
            click(By.xpath("//label[normalize-space(.)='批准']"));
            type(By.cssSelector("textarea"), "同意");
            screenshot("county-decision");
            click(By.cssSelector("button[ng-click=\"complete()\"]"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(n).count() == 0);
            driver.carryOutDecisions(n);
            assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    /**
     * The list opens sorted by due date, earliest first (Tasklist's own default is newest first): a task
     * created last but due first is at the top, and the address carries the sorting.
     */
    @Test
    void theInboxOpensWithTheTaskDueFirstAtTheTop() throws Exception {
        String earlier = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).caseNumber();
        String dueFirst = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).caseNumber();
        tasks.setDueDate(task(dueFirst).getId(), java.util.Date.from(java.time.Instant.parse("2001-01-02T09:00:00Z")));
        assertThat(task(earlier).getDueDate()).isAfter(task(dueFirst).getDueDate());

        login(CASEWORKER1);
        click(By.xpath("//section[contains(@class,'task-filters')]//h4/a[contains(., '组内待办')]"));
        WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list li.task")));
        wait.until(d -> d.findElement(By.cssSelector(".tasks-list li.task")).getText().contains(dueFirst));
        assertThat(browser.getCurrentUrl()).contains("sorting=").contains("dueDate");
        screenshot("inbox-due-date-first");
        assertThat(first).isNotNull();
    }

    // --- Tasklist, as a person uses it ------------------------------------------------------------------

    private void login(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        type(By.cssSelector("input[type=text]"), user);
        type(By.cssSelector("input[type=password]"), PASSWORD);
        click(By.cssSelector("button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filters")));
    }

    private void logout() {
        browser.manage().deleteAllCookies();
    }

    /**
     * Opens the case's task as a link to it does ({@code #/?task=…}): the inbox may hold more tasks than one
     * page shows, and other tests move the engine clock, so the card need not be in view.
     */
    private void openTaskOf(String caseNumber) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/#/?task=" + task(caseNumber).getId());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
    }

    private void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void type(By by, String text) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        element.clear();
        element.sendKeys(text);
    }

    private Task task(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }

    private void awaitAssignee(String caseNumber, String assignee) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Task t = task(caseNumber);
            return t != null && java.util.Objects.equals(t.getAssignee(), assignee);
        });
        // Tasklist re-renders the task after each change; let it settle before the next click.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(assignee == null ? "button.claim"
                : "button.unclaim")));
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "tasklist-" + name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
