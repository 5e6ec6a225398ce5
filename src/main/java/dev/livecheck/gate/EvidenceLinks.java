package dev.livecheck.gate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the checklist's evidence links lead, relative to the folder {@code checklist.md} is written to: a test's
 * page in the offline HTML report and its attachments there, once {@code scripts/report} generated it; before that
 * (or for a result the report does not hold) the raw Allure files, which a browser opens as they are.
 */
final class EvidenceLinks {
    private final String toResults;
    private final String toReport;
    private final ReportIndex report;

    private EvidenceLinks(String toResults, String toReport, ReportIndex report) {
        this.toResults = toResults;
        this.toReport = toReport;
        this.report = report;
    }

    /** Names only, no links. */
    static EvidenceLinks none() {
        return new EvidenceLinks(null, null, null);
    }

    /** Links to the raw result and attachment files. */
    static EvidenceLinks toResults(Path out, Path results) {
        return new EvidenceLinks(folder(out, results), null, null);
    }

    /** Links into the generated report; the raw files for what the report does not hold. */
    static EvidenceLinks toReport(Path out, Path results, Path reportDir, ReportIndex report) {
        return new EvidenceLinks(folder(out, results), relative(out, reportDir.resolve(ReportIndex.INDEX)), report);
    }

    /** The page to open for the report as a whole, when links go to the report. */
    Optional<String> reportPage() {
        return Optional.ofNullable(toReport);
    }

    Optional<String> test(TestResult result) {
        Optional<ReportIndex.Case> found = reportCase(result);
        if (found.isPresent()) {
            return Optional.of(toReport + "#testresult/" + found.get().uid());
        }
        return toResults == null ? Optional.empty() : Optional.of(toResults + result.file());
    }

    /** {@code occurrence}: which of the test's attachments of that name (0 for the first). */
    Optional<String> attachment(TestResult result, TestResult.Attachment attachment, int occurrence) {
        Optional<String> uid = reportCase(result).flatMap(c -> {
            List<String> uids = c.attachmentUids().getOrDefault(attachment.name(), List.of());
            return occurrence < uids.size() ? Optional.of(c.uid() + "?attachment=" + uids.get(occurrence)) : Optional.empty();
        });
        if (uid.isPresent()) {
            return Optional.of(toReport + "#testresult/" + uid.get());
        }
        return toResults == null || attachment.source() == null ? Optional.empty() : Optional.of(toResults + attachment.source());
    }

    private Optional<ReportIndex.Case> reportCase(TestResult result) {
        return report == null ? Optional.empty() : report.find(result);
    }

    private static String folder(Path from, Path target) {
        String path = relative(from, target);
        return path.isEmpty() ? "" : path + "/";
    }

    /** e.g. {@code ../../allure-results}: from the checklist's folder to {@code target}, with forward slashes, URL-safe. */
    private static String relative(Path from, Path target) {
        String path = from.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return path.replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("#", "%23");
    }
}
