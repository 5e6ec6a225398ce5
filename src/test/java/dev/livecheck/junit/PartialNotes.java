package dev.livecheck.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What livecheck's extension does for {@link Partial}, for test cases that run without LiveKit or browsers. */
public final class PartialNotes implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        Partial.begin(context.getUniqueId());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Partial.end();
    }
}
