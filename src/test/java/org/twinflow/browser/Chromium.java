package org.twinflow.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through chromedriver, found by configuration: {@code TWINFLOW_CHROMIUM}
 * (default {@code /usr/bin/chromium}) and {@code TWINFLOW_CHROMEDRIVER} (default
 * {@code /usr/bin/chromedriver}). Nothing is downloaded. Without them the test is skipped on a
 * laptop and fails in CI ({@code CI=true}).
 */
public final class Chromium {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    public static ChromeDriver start() throws IOException {
        File browser = new File(env("TWINFLOW_CHROMIUM", "/usr/bin/chromium"));
        File driver = new File(env("TWINFLOW_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!browser.canExecute() || !driver.canExecute()) {
            String message = "Chromium or chromedriver not found at " + browser + " / " + driver
                    + ": install them with `apt-get install chromium chromium-driver` or set TWINFLOW_CHROMIUM and TWINFLOW_CHROMEDRIVER";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("twinflow-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /** Saves a screenshot as build output under target/screenshots/. */
    public static Path screenshot(ChromeDriver chrome, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, chrome.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
