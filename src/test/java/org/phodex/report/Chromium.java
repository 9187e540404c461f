package org.phodex.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through chromedriver (packages {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs). Without them a test is skipped with a message, except under CI, where it fails.
 */
final class Chromium {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    /** A headless browser with a fresh profile in {@code tmp}; skips (or fails under CI) when none is installed. */
    static ChromeDriver start(Path tmp, int width, int height) throws IOException {
        Optional<String> browser = BROWSERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        Optional<String> driver = DRIVERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        if (browser.isEmpty() || driver.isEmpty()) {
            String why = "headless Chromium not found (" + (browser.isEmpty() ? "no chromium" : "no chromedriver")
                    + "): install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + "; .ci/run should have installed them");
            }
            System.err.println("SKIPPED browser test: " + why);
            Assumptions.abort(why);
        }
        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        ChromeOptions o = new ChromeOptions();
        o.setBinary(browser.get());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.get())).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return d;
    }
}
