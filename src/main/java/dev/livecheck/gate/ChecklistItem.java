package dev.livecheck.gate;

/** One {@code - [ ] ID Title} line of the checklist; {@code section} is the heading's first word, lower-cased. */
public record ChecklistItem(String id, String title, String section, int lineNumber) {
}
