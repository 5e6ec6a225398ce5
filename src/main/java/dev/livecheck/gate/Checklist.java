package dev.livecheck.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The markdown release checklist: parsed into items, and rendered back with the boxes ticked. */
public final class Checklist {

    private static final Pattern ITEM = Pattern.compile("- \\[[ xX]] ([A-Z]{1,3}-\\d{2}) (\\S.*)");
    private static final Pattern SECTION = Pattern.compile("##\\s+(\\S+).*");

    private final List<String> lines;
    /** Item by id, in checklist order. */
    private final Map<String, ChecklistItem> items;
    /** Zero-based line index to the item on that line. */
    private final Map<Integer, ChecklistItem> itemsByLineIndex;

    private Checklist(List<String> lines, Map<String, ChecklistItem> items) {
        this.lines = List.copyOf(lines);
        this.items = items;
        this.itemsByLineIndex = new HashMap<>();
        items.values().forEach(item -> itemsByLineIndex.put(item.lineNumber() - 1, item));
    }

    /** The checklist livecheck ships (the jar's copy of testdata/checklist.md). */
    public static Checklist builtIn() throws GateInputException {
        try (java.io.InputStream in = Checklist.class.getResourceAsStream("/livecheck/checklist.md")) {
            if (in == null) {
                throw new GateInputException("livecheck's built-in checklist is missing from the classpath — pass --checklist testdata/checklist.md");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in checklist");
        } catch (IOException e) {
            throw new GateInputException("cannot read livecheck's built-in checklist: " + e.getMessage());
        }
    }

    /** The file where there is one (a project's own checklist), else the built-in one. */
    public static Checklist readOrBuiltIn(Path file) throws GateInputException {
        return Files.isRegularFile(file) ? read(file) : builtIn();
    }

    public static Checklist read(Path file) throws GateInputException {
        if (!Files.isRegularFile(file)) {
            throw new GateInputException("checklist " + file + " not found — pass --checklist testdata/checklist.md");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new GateInputException("cannot read checklist " + file + ": " + e.getMessage());
        }
    }

    public static Checklist parse(String text, String source) throws GateInputException {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        Map<String, ChecklistItem> items = new LinkedHashMap<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            int lineNumber = i + 1;
            Matcher heading = SECTION.matcher(line);
            if (heading.matches()) {
                section = heading.group(1).toLowerCase(Locale.ROOT);
                continue;
            }
            if (!line.startsWith("- [")) {
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (!item.matches()) {
                throw new GateInputException(source + " line " + lineNumber + ": malformed item \"" + line
                        + "\" — write it as \"- [ ] X-00 Title\"");
            }
            String id = item.group(1);
            ChecklistItem previous = items.get(id);
            if (previous != null) {
                throw new GateInputException(source + ": duplicate checklist id " + id + " on lines "
                        + previous.lineNumber() + " and " + lineNumber + " — give one of them a new id");
            }
            items.put(id, new ChecklistItem(id, item.group(2), section, lineNumber));
        }
        if (items.isEmpty()) {
            throw new GateInputException(source + " has no checklist items — expected lines like \"- [ ] P-01 Title\"");
        }
        return new Checklist(lines, items);
    }

    public List<ChecklistItem> items() {
        return List.copyOf(items.values());
    }

    public boolean contains(String id) {
        return items.containsKey(id);
    }

    /** The checklist as written, with each item line replaced and the summary inserted after the title. */
    public String render(String summaryLine, Map<String, String> itemLineById) {
        List<String> out = new ArrayList<>();
        boolean summaryPlaced = false;
        for (int i = 0; i < lines.size(); i++) {
            ChecklistItem item = itemsByLineIndex.get(i);
            out.add(item == null ? lines.get(i) : itemLineById.getOrDefault(item.id(), lines.get(i)));
            if (!summaryPlaced && lines.get(i).startsWith("# ")) {
                out.add("");
                out.add(summaryLine);
                summaryPlaced = true;
            }
        }
        if (!summaryPlaced) {
            out.add(0, summaryLine);
            out.add(1, "");
        }
        return String.join("\n", out);
    }
}
