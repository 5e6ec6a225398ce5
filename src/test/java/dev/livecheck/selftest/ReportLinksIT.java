package dev.livecheck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.parallel.Isolated;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livecheck.browser.BrowserOptions;
import dev.livecheck.browser.BrowserSettings;
import dev.livecheck.browser.Browsers;
import dev.livecheck.config.Settings;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.media.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/report on a small results folder, twice: the report is one file that opens from the file system, the
 * checklist links each item to its tests and evidence in it — checked in the report's own data and by following the
 * links in Chromium — and the second report carries the first one's history. Screenshots stay in
 * target/livecheck/report-links/ for a person to look at.
 */
@Tag("selftest")
@Isolated
class ReportLinksIT {
    private static final Path WORK = Path.of("target/livecheck/report-links");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_ID = "report-links";
    private static final Pattern LINK = Pattern.compile("\\[((?:\\\\.|[^\\]\\\\])+)]\\(([^)\\s]+)\\)");
    private static final Pattern INLINED = Pattern.compile("d\\('([^']++)','([^']*+)'\\)");

    @Test
    void theChecklistLinksEachItemIntoAReportThatOpensFromTheFileSystem() throws Exception {
        deleteRecursively(WORK);
        Path results = Files.createDirectories(WORK.resolve("allure-results"));
        Path report = WORK.resolve("allure-report");
        Path out = WORK.resolve("livecheck");
        Path checklist = WORK.resolve("checklist.md");
        Files.writeString(checklist, "# Report links\n\n## Client\n- [ ] C-01 Login successfully\n- [ ] C-09 Can see provider video\n");
        writeResult(results, "app.ClientIT.logsIn", "C-01 Login successfully", "C-01", "passed", null,
                Map.of("client — screenshot", png()));
        writeResult(results, "app.ClientIT.seesProvider", "C-09 Can see provider video", "C-09", "failed",
                "provider's video on client's page: rgb(51,102,204), expected rgb(220,30,30)",
                Map.of("failure timeline", "  +  3.20s  client    click    join starts\n".getBytes(StandardCharsets.UTF_8), "client — screenshot", png()));

        runReport(results, report, out, checklist);
        String firstTrend = Files.readString(report.resolve("history/history-trend.json"));
        runReport(results, report, out, checklist);

        Map<String, JsonNode> cases = testCases(report.resolve("index.html"));
        String markdown = Files.readString(out.resolve("checklist.md"));
        Matcher links = LINK.matcher(markdown);
        int tests = 0;
        int attachments = 0;
        while (links.find()) {
            String text = links.group(1);
            String target = links.group(2);
            if (!target.contains("#testresult/")) {
                continue;
            }
            assertThat(out.resolve(target.substring(0, target.indexOf('#')))).as("the report a link opens").exists();
            String[] uidAndQuery = target.substring(target.indexOf("#testresult/") + "#testresult/".length()).split("\\?attachment=");
            JsonNode testCase = cases.get(uidAndQuery[0]);
            assertThat(testCase).as("the report's test case %s, linked as %s", uidAndQuery[0], text).isNotNull();
            if (uidAndQuery.length == 1) {
                assertThat(testCase.path("fullName").asText()).as("the test a link names").isEqualTo(text);
                tests++;
            } else {
                assertThat(attachmentName(testCase, uidAndQuery[1])).as("the attachment a link names").contains(text);
                attachments++;
            }
        }
        assertThat(tests).as("tests linked into the report").isEqualTo(2);
        assertThat(attachments).as("attachments linked into the report (the failed item's two; a passed item links its test only)").isEqualTo(2);

        JsonNode history = JSON.readTree(report.resolve("history/history.json").toFile());
        assertThat(history.size()).as("tests with a history").isEqualTo(2);
        history.forEach(test -> assertThat(test.path("items").size()).as("the first run, in the second report's history").isGreaterThanOrEqualTo(1));
        assertThat(JSON.readTree(report.resolve("history/history-trend.json").toFile()).size()).as("runs in the trend")
                .isEqualTo(JSON.readTree(firstTrend).size() + 1);

        followTheLinksInChromium(out.resolve("checklist.html"));
    }

    /** Opens the checklist from the file system and follows a test link and an attachment link, as a person would. */
    private static void followTheLinksInChromium(Path checklistHtml) throws IOException {
        Settings settings = Settings.fromSystem();
        MediaCatalog media = new MediaCatalog(settings, WORK.resolve("media"));
        Browsers.Browser browser = Browsers.start(BrowserSettings.from(settings), media.of(Role.CLIENT), BrowserOptions.defaults(), Optional.empty());
        try {
            WebDriver driver = browser.driver();
            driver.get(checklistHtml.toAbsolutePath().toUri().toString());
            driver.findElement(By.linkText("app.ClientIT.seesProvider")).click();
            waitUntil("the report shows the failed test's page, opened from the file system", Duration.ofSeconds(20))
                    .until(() -> bodyText(driver).contains("C-09 Can see provider video") && bodyText(driver).contains("expected rgb(220,30,30)"));
            assertThat(driver.getCurrentUrl()).startsWith("file:").contains("index.html#testresult/");
            screenshot(driver, "test-page.png");

            driver.get(checklistHtml.toAbsolutePath().toUri().toString());
            driver.findElement(By.linkText("failure timeline")).click();
            waitUntil("the report opens the failure timeline of the failed test", Duration.ofSeconds(20))
                    .until(() -> bodyText(driver).contains("join starts") && bodyText(driver).contains("failure timeline"));
            screenshot(driver, "attachment.png");
        } finally {
            Browsers.quit(browser);
        }
    }

    private static String bodyText(WebDriver driver) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.body.innerText"));
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Files.write(WORK.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static void runReport(Path results, Path report, Path out, Path checklist) throws Exception {
        Process process = new ProcessBuilder("bash", "scripts/report", results.toString(), "--report", report.toString(), "--out", out.toString(),
                "--checklist", checklist.toString()).redirectErrorStream(true).redirectOutput(WORK.resolve("report.log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("scripts/report finished").isTrue();
        assertThat(process.exitValue()).as("scripts/report: %s", Files.readString(WORK.resolve("report.log"))).isZero();
    }

    /** The report's test cases by uid, read from its single index.html. */
    private static Map<String, JsonNode> testCases(Path index) throws IOException {
        Map<String, JsonNode> cases = new HashMap<>();
        Matcher inlined = INLINED.matcher(Files.readString(index));
        while (inlined.find()) {
            if (inlined.group(1).startsWith("data/test-cases/")) {
                JsonNode testCase = JSON.readTree(Base64.getDecoder().decode(inlined.group(2)));
                cases.put(testCase.path("uid").asText(), testCase);
            }
        }
        assertThat(cases).as("test cases inlined in %s (a single-file report)", index).isNotEmpty();
        return cases;
    }

    private static String attachmentName(JsonNode testCase, String uid) {
        for (JsonNode a : testCase.path("testStage").path("attachments")) {
            if (a.path("uid").asText().equals(uid)) {
                return a.path("name").asText();
            }
        }
        return "(no attachment " + uid + ")";
    }

    private static void writeResult(Path results, String fullName, String name, String item, String status, String message,
                                    Map<String, byte[]> attachments) throws Exception {
        String uuid = UUID.randomUUID().toString();
        long start = System.currentTimeMillis();
        ObjectNode result = JSON.createObjectNode().put("uuid", uuid).put("historyId", Integer.toHexString(fullName.hashCode()))
                .put("fullName", fullName).put("name", name).put("status", status).put("stage", "finished")
                .put("start", start).put("stop", start + 2_500);
        ArrayNode labels = result.putArray("labels");
        labels.addObject().put("name", "checklist").put("value", item);
        labels.addObject().put("name", "suite").put("value", "Client");
        labels.addObject().put("name", dev.livecheck.gate.RunRecord.RUN_LABEL).put("value", RUN_ID);
        if (message != null) {
            result.putObject("statusDetails").put("message", message);
        }
        ArrayNode list = result.putArray("attachments");
        for (Map.Entry<String, byte[]> a : new java.util.TreeMap<>(attachments).descendingMap().entrySet()) {
            boolean image = a.getKey().endsWith("screenshot");
            String source = UUID.randomUUID() + "-attachment." + (image ? "png" : "txt");
            Files.write(results.resolve(source), a.getValue());
            list.addObject().put("name", a.getKey()).put("source", source).put("type", image ? "image/png" : "text/plain");
        }
        Files.writeString(results.resolve(uuid + "-result.json"), result.toString());
        // the run's record, as livecheck's listener writes it: this test expected and selected
        java.util.List<dev.livecheck.gate.RunRecord.Test> tests = new java.util.ArrayList<>(dev.livecheck.gate.RunRecord.read(results)
                .map(dev.livecheck.gate.RunRecord::tests).orElse(java.util.List.of()));
        tests.add(new dev.livecheck.gate.RunRecord.Test(fullName, name, java.util.List.of(item), false, true, true, null, null));
        new dev.livecheck.gate.RunRecord(RUN_ID, null, null, null, tests).write(results);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
