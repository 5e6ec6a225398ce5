package dev.livecheck.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/** Base of the page objects: elements are found by their {@code data-testid}, the app contract. */
abstract class Page {
    protected final WebDriver driver;

    Page(WebDriver driver) {
        this.driver = driver;
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    protected Optional<WebElement> find(String id) {
        List<WebElement> found = driver.findElements(testId(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    protected boolean isVisible(String id) {
        try {
            return find(id).map(WebElement::isDisplayed).orElse(false);
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false;
        }
    }

    protected String text(String id) {
        return find(id).map(WebElement::getText).orElse("");
    }

    /** Waits for the element to be shown, then clicks it. */
    protected void click(String id) {
        await("[data-testid=" + id + "] shown on " + driver.getCurrentUrl())
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> isVisible(id));
        driver.findElement(testId(id)).click();
    }

    protected void type(String id, String value) {
        WebElement input = driver.findElement(testId(id));
        input.clear();
        input.sendKeys(value);
    }
}
