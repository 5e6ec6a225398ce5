package dev.livecheck.pages;

import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.Locator;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * Base of the page objects: elements are named by role ({@code login.username}, {@code session.leave}) and
 * found where the app's profile says they are. An element a step needs that does not show up is named, with
 * its locator, the page and the profile, after a short wait: never a raw NoSuchElementException.
 */
abstract class Page {
    /** How long a step waits for an element it is about to use. */
    static final Duration ELEMENT_WAIT = Duration.ofSeconds(Integer.getInteger("livecheck.element.seconds", 8));

    protected final WebDriver driver;
    protected final AppProfile profile;

    Page(WebDriver driver, AppProfile profile) {
        this.driver = driver;
        this.profile = profile;
    }

    protected boolean has(String key) {
        return profile.locator(key).isPresent();
    }

    protected List<WebElement> all(String key, Map<String, String> values) {
        return profile.locator(key).map(l -> driver.findElements(l.by(values))).orElse(List.of());
    }

    protected Optional<WebElement> find(String key, Map<String, String> values) {
        List<WebElement> found = all(key, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    protected Optional<WebElement> find(String key) {
        return find(key, Map.of());
    }

    protected boolean isVisible(String key, Map<String, String> values) {
        try {
            return all(key, values).stream().anyMatch(WebElement::isDisplayed);
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    protected boolean isVisible(String key) {
        return isVisible(key, Map.of());
    }

    protected String text(String key, Map<String, String> values) {
        try {
            return find(key, values).map(WebElement::getText).map(String::trim).orElse("");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    protected String text(String key) {
        return text(key, Map.of());
    }

    /** Waits for the element to be shown, then clicks it. */
    protected void click(String key, Map<String, String> values) {
        shown(key, values).click();
    }

    protected void click(String key) {
        click(key, Map.of());
    }

    protected void type(String key, String value) {
        WebElement input = shown(key, Map.of());
        input.clear();
        input.sendKeys(value);
    }

    /** The element once shown; if it never shows, an assertion naming it, its locator, the page and the profile. */
    protected WebElement shown(String key, Map<String, String> values) {
        Locator locator = profile.requireLocator(key);
        By by = locator.by(values);
        try {
            await(key + " shown").atMost(ELEMENT_WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> driver.findElements(by).stream().anyMatch(WebElement::isDisplayed));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new ElementNotFound(key, locator.describe(values), currentUrl(), profile.name(), ELEMENT_WAIT);
        }
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    }

    protected String currentUrl() {
        try {
            return driver.getCurrentUrl();
        } catch (WebDriverException e) {
            return "(browser gone)";
        }
    }
}
