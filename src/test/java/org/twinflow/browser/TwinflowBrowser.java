package org.twinflow.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium ({@link Chromium#start()}) driving Twinflow as its users do: the portal's
 * sign-in and sign-out, portal form fields, and in Tasklist the shared filters, the task list and the
 * Camunda Forms (form-js 1.8) of staff tasks: options clicked through their label's {@code for} id,
 * fields found by their label, Complete pressed by script once enabled.
 */
final class TwinflowBrowser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Longer than form-js waits before it takes typed input: 600 ms was enough in every run, typing on at once was not. */
    private static final Duration SETTLED = Duration.ofMillis(600);

    final ChromeDriver chrome;
    final WebDriverWait wait;
    private final String base;

    private TwinflowBrowser(ChromeDriver chrome, int port) {
        this.chrome = chrome;
        this.wait = new WebDriverWait(chrome, TIMEOUT);
        this.base = "http://localhost:" + port;
    }

    static TwinflowBrowser start(int port) throws IOException {
        return new TwinflowBrowser(Chromium.start(), port);
    }

    @Override
    public void close() {
        chrome.quit();
    }

    String url(String path) {
        return base + path;
    }

    void open(String path) {
        chrome.get(url(path));
    }

    void screenshot(String name) throws IOException {
        Chromium.screenshot(chrome, name);
    }

    // --- portal ------------------------------------------------------------------------------------------

    /** Signs in on the portal's one sign-in page (e-mail for cities, user id for staff) and waits to leave it. */
    void signIn(String username, String password) {
        open("/login");
        submitSignIn(username, password);
    }

    /** Fills in and submits the sign-in page the browser was sent to (e.g. by opening Cockpit signed out). */
    void submitSignIn(String username, String password) {
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        chrome.findElement(By.id("password")).sendKeys(password);
        chrome.findElement(By.cssSelector("form[action$='/login'] button[type='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Signs out with the "Sign out" button of the portal's header, which ends the session of portal and webapps alike. */
    void signOut() {
        open("/");
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("header form[action$='/logout'] button[type='submit']"))));
        wait.until(ExpectedConditions.urlContains("/login?logout"));
    }

    String mainText() {
        return chrome.findElement(By.tagName("main")).getText();
    }

    /** A portal input or textarea, by its name. */
    void type(String name, String value) {
        WebElement input = chrome.findElement(By.name(name));
        chrome.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(value);
    }

    /** A long text pasted into an input or textarea, as officers paste from their documents: one input event, not a keystroke each. */
    void paste(String name, String text) {
        WebElement input = chrome.findElement(By.name(name));
        chrome.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, text);
    }

    /** Date inputs take the browser locale's format when typed; set the ISO value as a script would. */
    void setDate(String name, String isoDate) {
        WebElement input = chrome.findElement(By.name(name));
        chrome.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, isoDate);
    }

    /** Panels (Tasklist's too) scroll on their own: bring the element to the middle first. */
    void click(WebElement element) {
        chrome.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * Finds and clicks the element once it is there and clickable. The webapps (AngularJS) re-render
     * lists while they load: a row found a moment ago may be replaced before the click, so look again.
     */
    void clickWhenReady(By locator) {
        new WebDriverWait(chrome, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
            if (element == null) {
                return false;
            }
            click(element);
            return true;
        });
    }

    // --- Tasklist: filters, task list, task ---------------------------------------------------------------

    /**
     * Opens Tasklist (signed in already; staff land there after signing in) and waits until its filters
     * are shown. A Tasklist still loading is not navigated away from: that aborts its first requests.
     */
    void openTasklist() throws IOException {
        if (!chrome.getCurrentUrl().contains("/camunda/app/tasklist/")) {
            open("/camunda/app/tasklist/default/");
        }
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
        } catch (TimeoutException noFilters) {
            screenshot("tasklist-without-filters");
            throw new AssertionError("Tasklist shows no filters at " + chrome.getCurrentUrl() + "; the page reads: "
                    + chrome.findElement(By.tagName("body")).getText(), noFilters);
        }
    }

    /** Focuses one of the shared filters in Tasklist's left column. */
    void focusFilter(String filterName) {
        String filter = "//div[contains(@class,'task-filter')][.//h4[contains(@class,'name')]/a[starts-with(normalize-space(.), "
                + xpathLiteral(filterName) + ")]]";
        clickWhenReady(By.xpath(filter + "//h4[contains(@class,'name')]/a"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(filter + "[contains(@class,'active')]")));
    }

    /**
     * Clicks the task in the focused filter's list whose name contains the text, then waits for its
     * Camunda Form. The list shows the newest task first; if it is not there yet, the filter is focused again.
     */
    void openTaskFromList(String filterName, String taskNameText) {
        By link = By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[contains(normalize-space(.), "
                + xpathLiteral(taskNameText) + ")]");
        focusFilter(filterName);
        if (!findOnSomePage(link)) {
            chrome.navigate().refresh();
            focusFilter(filterName);
            findOnSomePage(link);
        }
        clickWhenReady(link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2.task"), taskNameText));
    }

    /**
     * Looks for the link on the filter's pages, as a person pages through a long list (Tasklist shows 15
     * tasks a page; a filter sorted by due date puts a new task last).
     */
    private boolean findOnSomePage(By link) {
        By next = By.cssSelector("ul.pagination li.pagination-next:not(.disabled) a");
        for (int page = 0; page < 50; page++) {
            try {
                new WebDriverWait(chrome, Duration.ofSeconds(page == 0 ? 10 : 5)).until(ExpectedConditions.presenceOfElementLocated(link));
                return true;
            } catch (TimeoutException notOnThisPage) {
                if (chrome.findElements(next).isEmpty()) {
                    return false;
                }
                try {
                    String firstTask = chrome.findElements(By.cssSelector("ol.tasks-list li.task h4 a")).stream().findFirst()
                            .map(WebElement::getText).orElse("");
                    click(chrome.findElement(next));
                    new WebDriverWait(chrome, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector("ol.tasks-list li.task h4 a")).stream().findFirst()
                            .map(WebElement::getText).map(text -> !text.equals(firstTask)).orElse(false));
                } catch (StaleElementReferenceException reRendered) {
                    // Tasklist re-rendered the list (its refresh) between reading and clicking: look at this page again
                }
            }
        }
        return false;
    }

    /** The task list's visible text (names, process, dates, reference/title columns). */
    String taskListText() {
        return chrome.findElement(By.cssSelector("ol.tasks-list")).getText();
    }

    /** Closes Tasklist's notification toasts, which cover the last fields of a form that cannot scroll further. */
    void dismissNotifications() {
        chrome.executeScript("document.querySelectorAll('.notifications .alert .close').forEach(button => button.click());");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".notifications .alert"), 0));
    }

    /** Claims the open group task with Tasklist's Claim button. */
    void claim() {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
    }

    // --- Tasklist: Camunda Forms (form-js) -----------------------------------------------------------------

    String formText() {
        return chrome.findElement(By.cssSelector(".fjs-container")).getText();
    }

    void waitForFormText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), text));
    }

    /** A radio or checklist option, clicked through its label's {@code for} id (form-js hides the inputs). */
    void chooseOption(String labelText) {
        WebElement label = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[contains(@class,'fjs-container')]//label[@for][contains(normalize-space(.), " + xpathLiteral(labelText) + ")]")));
        String id = label.getAttribute("for");
        chrome.executeScript("arguments[0].scrollIntoView({block: 'center'}); document.getElementById(arguments[1]).click();", label, id);
        try {
            new WebDriverWait(chrome, Duration.ofSeconds(3)).until(d -> d.findElement(By.id(id)).isSelected());
        } catch (TimeoutException notSelected) {
            throw new AssertionError("Option '" + labelText + "' does not stay selected after a click; script errors in the page: "
                    + chrome.executeScript("return JSON.stringify(window.__twinflowErrors || []);"), notSelected);
        }
    }

    /**
     * A textfield, textarea or number field found by its label. form-js takes typed input with a delay
     * (debounced) and re-renders the form when it does: a textarea typed into right after the number
     * fields above it was found empty again. So wait until each value has held for a moment, as it does
     * when a person moves on to the next field.
     */
    void fill(String labelText, String value) {
        WebElement input = fieldFor(labelText);
        chrome.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.sendKeys(value);
        input.sendKeys(Keys.TAB);
        try {
            waitUntilValueHolds(chrome, input, value);
        } catch (TimeoutException notTaken) {
            throw new AssertionError("Field '" + labelText + "' holds '" + input.getAttribute("value") + "' instead of '" + value + "'",
                    notTaken);
        }
    }

    /**
     * Waits until the form-js field shows the value and has kept it for {@link #SETTLED}. The review
     * form lost its typed feedback this way when its test ran after another Spring context's tests.
     */
    private static void waitUntilValueHolds(ChromeDriver chrome, WebElement input, String value) {
        long[] heldSince = {0};
        new WebDriverWait(chrome, TIMEOUT, Duration.ofMillis(100)).until(d -> {
            if (!value.equals(input.getAttribute("value"))) {
                heldSince[0] = 0;
                return false;
            }
            long now = System.nanoTime();
            if (heldSince[0] == 0) {
                heldSince[0] = now;
            }
            return now - heldSince[0] >= SETTLED.toNanos();
        });
    }

    /** form-js select: a custom dropdown; open it through its input, then pick the option by its text. */
    void select(String labelText, String optionText) {
        WebElement field = fieldFor(labelText);
        By option = By.xpath("//div[contains(@class,'fjs-container')]//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.), "
                + xpathLiteral(optionText) + ")]");
        click(field);
        // The list opens below the field and may reach under Tasklist's footer or a toast: bring the option to the
        // middle and click it there; if something still covers it, or the list closed, open it and try again.
        new WebDriverWait(chrome, TIMEOUT, Duration.ofMillis(250))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    List<WebElement> options = d.findElements(option);
                    if (options.isEmpty() || !options.get(0).isDisplayed()) {
                        click(field);
                        return false;
                    }
                    click(options.get(0));
                    return true;
                });
    }

    private WebElement fieldFor(String labelText) {
        WebElement label = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[contains(@class,'fjs-container')]//label[@for][contains(normalize-space(.), " + xpathLiteral(labelText) + ")]")));
        return wait.until(ExpectedConditions.elementToBeClickable(By.id(label.getAttribute("for"))));
    }

    /** Tasklist's notification toasts (e.g. "claimed") may cover the button: click it by script once it is enabled. */
    void clickComplete() throws IOException {
        WebElement button;
        try {
            button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        } catch (TimeoutException disabled) {
            screenshot("complete-disabled");
            throw new AssertionError("Complete stays disabled; the form shows: " + formText(), disabled);
        }
        chrome.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
