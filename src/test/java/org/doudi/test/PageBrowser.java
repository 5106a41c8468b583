package org.doudi.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver; {@code DOUDI_CHROMIUM}, {@code DOUDI_CHROMEDRIVER} for
 * others) for the browser tests of Doudi's pages, and their login: a page opened without a session goes to
 * {@code /login}, which logs in to the webapps and comes back.
 */
public final class PageBrowser {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("DOUDI_CHROMIUM", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getenv().getOrDefault("DOUDI_CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    private PageBrowser() {
    }

    /** Whether both are installed (the tests are skipped without them). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** A fresh browser with a profile of its own and a window of this size ({@code "1400,1000"}). */
    public static WebDriver start(String windowSize) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + windowSize, "--user-data-dir=" + Files.createTempDirectory("doudi-chromium"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    /** Opens a page without a session, logs in on the login page it is sent to, and waits to be back on it. */
    public static void openLoggedIn(WebDriver browser, WebDriverWait wait, String url, String user) {
        browser.get(url);
        wait.until(ExpectedConditions.urlContains("/login?return="));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(Demo.PASSWORD);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url));
    }
}
