package io.renlayer.it;

import java.io.File;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium for the console's tests (RENLAYER_IT_CHROMIUM / RENLAYER_IT_CHROMEDRIVER elsewhere). */
final class ConsoleBrowser {

    private ConsoleBrowser() {}

    static WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("RENLAYER_IT_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("RENLAYER_IT_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
