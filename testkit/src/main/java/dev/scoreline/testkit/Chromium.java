package dev.scoreline.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named by path so that
 * Selenium Manager never looks for (or downloads) a driver of its own.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshots go, for a person to look at after the run. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * JavaScript to put at the head of a test's script: {@code sockets}, every socket made so far,
     * and {@code FakeSocket}, a WebSocket for {@code scoreline-client.js}'s {@code WebSocket} option
     * that the script drives by hand: {@code open()}, {@code receive(message)}, {@code drop()}; what
     * the client sent is in {@code sent} (parsed), a close by the client sets {@code closedByClient}.
     */
    public static final String FAKE_WEBSOCKET = """
            const sockets = [];
            class FakeSocket {
              constructor(url) { this.url = url; this.sent = []; this.readyState = 0; sockets.push(this); }
              send(text) { this.sent.push(JSON.parse(text)); }
              close() { this.readyState = 3; this.closedByClient = true; }
              open() { this.readyState = 1; this.onopen && this.onopen({}); }
              receive(msg) { this.onmessage && this.onmessage({ data: JSON.stringify(msg) }); }
              drop() { this.readyState = 3; this.onclose && this.onclose({ code: 1006, reason: 'dropped' }); }
            }
            """;

    private Chromium() {}

    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test, saying why, on a machine without the two packages. */
    public static void assumeInstalled() {
        assumeTrue(installed(),
                "browser test skipped: Debian's chromium and chromium-driver are not installed ("
                        + BROWSER + ", " + DRIVER + "); .ci/run installs them with "
                        + "'apt-get install -y chromium chromium-driver'");
    }

    /** A fresh browser with its own profile under {@code profile}, its window {@code width} x {@code height}. */
    public static ChromeDriver start(Path profile, int width, int height) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(BROWSER.toString()));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Saves what {@code browser} shows as {@code name} in {@link #SCREENSHOTS}. */
    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
