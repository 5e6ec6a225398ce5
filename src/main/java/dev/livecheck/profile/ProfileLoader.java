package dev.livecheck.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import dev.livecheck.media.Role;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads an app profile: {@code livecheck.app.profile} names one ({@code testdata/apps/<name>.yml}, then the
 * built-in ones on the classpath: {@code testids}, {@code livekit-components}) or gives a path. A profile may
 * {@code extends:} another and override a few entries; {@code -Dlivecheck.profile.<path>=value} overrides one
 * entry (e.g. {@code -Dlivecheck.profile.sessions.live=5002}). Anything unknown or missing fails at once,
 * naming the key and the file.
 */
public final class ProfileLoader {
    public static final String DEFAULT_PROFILE = "reference-app";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("name", "description", "extends", "roles", "accounts", "sessions", "flow", "locators",
            "texts", "sessionState", "participantList", "conventions", "api", "notApplicable", "vocabulary", "quality");
    private static final Set<String> QUALITY = Set.of("maxLatencyP95Ms", "minFps", "minHeight", "maxFreezeMs", "maxAudioLeadMs", "maxAudioLagMs");
    /** The problems and actions an error's words are judged by (ErrorWording's). */
    private static final Set<String> VOCABULARY = Set.of("connection", "network", "login", "booking", "notFound", "notYours", "notLive",
            "permission", "expired", "tryAgain", "goBack", "logIn", "allow", "checkNetwork", "rejoin");
    private static final Set<String> SESSIONS = Set.of("live", "invalid", "notLive", "notTheirs", "group");
    private static final Set<String> ACCOUNT = Set.of("username", "password", "id", "name");
    private static final Set<String> FLOW = Set.of("loginPath", "bookingsPath", "sessionUrl", "join", "preJoin");
    private static final Set<String> CONVENTIONS = Set.of("room", "identity", "role", "connectTimeoutMs", "reconnectGiveUpMs", "console");
    private static final Set<String> API = Set.of("token", "recordingStart", "recordingStop", "recordings");

    private ProfileLoader() {
    }

    public static AppProfile load(Settings settings) {
        String wanted = settings.getOr("livecheck.app.profile", DEFAULT_PROFILE);
        Path dir = Path.of(settings.getOr("livecheck.profiles.dir", settings.getOr("livecheck.testdata", "testdata") + "/apps"));
        return load(wanted, dir, overridesFromSystem());
    }

    public static AppProfile load(String nameOrPath, Path dir, Map<String, String> overrides) {
        List<String> sources = new ArrayList<>();
        ObjectNode tree = read(nameOrPath, dir, sources, new LinkedHashSet<>());
        String source = String.join(" ← ", sources);
        overrides.forEach((path, value) -> override(tree, path, value));
        return bind(tree, source);
    }

    /** {@code -Dlivecheck.profile.sessions.live=5002} → {@code sessions.live: 5002}. */
    static Map<String, String> overridesFromSystem() {
        Map<String, String> overrides = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith("livecheck.profile.") && !v.toString().isBlank()) {
                overrides.put(key.substring("livecheck.profile.".length()), v.toString());
            }
        });
        return overrides;
    }

    private static ObjectNode read(String nameOrPath, Path dir, List<String> sources, Set<String> seen) {
        if (!seen.add(nameOrPath)) {
            throw new LivecheckException("profile '" + nameOrPath + "' extends itself (through " + seen + "): break the cycle");
        }
        JsonNode node;
        String source;
        boolean isPath = nameOrPath.contains("/") || nameOrPath.endsWith(".yml") || nameOrPath.endsWith(".yaml");
        Path file = isPath ? Path.of(nameOrPath) : dir.resolve(nameOrPath + ".yml");
        try {
            if (Files.isReadable(file)) {
                source = file.toString();
                node = YAML.readTree(file.toFile());
            } else if (!isPath && ProfileLoader.class.getResource("/livecheck/apps/" + nameOrPath + ".yml") != null) {
                source = "built-in " + nameOrPath;
                try (InputStream in = ProfileLoader.class.getResourceAsStream("/livecheck/apps/" + nameOrPath + ".yml")) {
                    node = YAML.readTree(in);
                }
            } else {
                throw new LivecheckException("no app profile '" + nameOrPath + "' (looked for " + file + " and the built-in profiles "
                        + "testids, livekit-components): set livecheck.app.profile to a profile name or a .yml path");
            }
        } catch (IOException e) {
            throw new LivecheckException("app profile " + file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse("")
                    + " — fix the file", e);
        }
        if (node == null || !node.isObject()) {
            throw new LivecheckException("app profile " + file + " is empty or not a mapping: start from testdata/apps/reference-app.yml");
        }
        ObjectNode tree = (ObjectNode) node;
        sources.add(source);
        if (tree.hasNonNull("extends")) {
            ObjectNode parent = read(tree.get("extends").asText(), dir, sources, seen);
            tree.remove("extends");
            return merge(parent, tree);
        }
        return tree;
    }

    /** The child's entries win; a {@code null} entry removes the parent's; lists are replaced, not merged. */
    static ObjectNode merge(ObjectNode parent, ObjectNode child) {
        ObjectNode out = parent.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = child.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode mine = out.get(e.getKey());
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else if (mine != null && mine.isObject() && e.getValue().isObject()) {
                out.set(e.getKey(), merge((ObjectNode) mine, (ObjectNode) e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    private static void override(ObjectNode tree, String path, String value) {
        String[] parts = path.split("\\.");
        boolean flatSection = parts[0].equals("locators") || parts[0].equals("texts");
        List<String> keys = flatSection && parts.length > 1 ? List.of(parts[0], path.substring(parts[0].length() + 1)) : List.of(parts);
        ObjectNode node = tree;
        for (String key : keys.subList(0, keys.size() - 1)) {
            JsonNode next = node.get(key);
            if (next == null || !next.isObject()) {
                next = node.putObject(key);
            }
            node = (ObjectNode) next;
        }
        node.put(keys.get(keys.size() - 1), value);
    }

    // ---- binding and validation --------------------------------------------------------------------------

    private static AppProfile bind(ObjectNode tree, String source) {
        Reader r = new Reader(source);
        r.only(tree, "", TOP);
        String name = r.text(tree, "name").orElseThrow(() -> r.missing("name"));

        Map<Feature, String> notApplicable = new EnumMap<>(Feature.class);
        r.object(tree, "notApplicable").ifPresent(na -> na.fields().forEachRemaining(e -> notApplicable.put(
                Feature.byKey(e.getKey()).orElseThrow(() -> r.error("notApplicable." + e.getKey() + " is not a feature: use " + Feature.keys())),
                e.getValue().asText())));

        Map<Role, String> roleNames = new EnumMap<>(Role.class);
        ObjectNode roles = r.object(tree, "roles").orElseThrow(() -> r.missing("roles"));
        r.only(roles, "roles", Set.of("provider", "client"));
        for (Role role : Role.values()) {
            roleNames.put(role, r.text(roles, role.id()).orElseThrow(() -> r.missing("roles." + role.id())));
        }

        boolean login = !notApplicable.containsKey(Feature.LOGIN);
        Map<Role, Account> accounts = new EnumMap<>(Role.class);
        ObjectNode accountsNode = r.object(tree, "accounts").orElseThrow(() -> r.missing("accounts"));
        r.only(accountsNode, "accounts", Set.of("provider", "client", "group"));
        for (Role role : Role.values()) {
            ObjectNode a = r.object(accountsNode, role.id()).orElseThrow(() -> r.missing("accounts." + role.id()));
            accounts.put(role, account(r, a, "accounts." + role.id(), role, login));
        }
        List<Account> group = new ArrayList<>();
        JsonNode groupNode = accountsNode.get("group");
        if (groupNode != null && groupNode.isArray()) {
            for (int i = 0; i < groupNode.size(); i++) {
                group.add(account(r, (ObjectNode) groupNode.get(i), "accounts.group[" + i + "]", Role.CLIENT, login));
            }
        }

        Map<String, String> sessions = new HashMap<>();
        ObjectNode sessionsNode = r.object(tree, "sessions").orElseThrow(() -> r.missing("sessions"));
        r.only(sessionsNode, "sessions", SESSIONS);
        sessionsNode.fields().forEachRemaining(e -> sessions.put(e.getKey(), e.getValue().asText()));
        if (!sessions.containsKey("live")) {
            throw r.missing("sessions.live");
        }

        ObjectNode flowNode = r.object(tree, "flow").orElseThrow(() -> r.missing("flow"));
        r.only(flowNode, "flow", FLOW);
        boolean bookings = !notApplicable.containsKey(Feature.BOOKINGS);
        AppProfile.JoinVia join = r.text(flowNode, "join").map(j -> switch (j) {
            case "bookings" -> AppProfile.JoinVia.BOOKINGS;
            case "url" -> AppProfile.JoinVia.URL;
            default -> throw r.error("flow.join is '" + j + "': use bookings (click the join button in the bookings list) or url");
        }).orElse(bookings ? AppProfile.JoinVia.BOOKINGS : AppProfile.JoinVia.URL);
        if (join == AppProfile.JoinVia.BOOKINGS && !bookings) {
            throw r.error("flow.join is bookings, but notApplicable says the app has no bookings: set flow.join to url");
        }
        AppProfile.Flow flow = new AppProfile.Flow(login ? Optional.of(r.text(flowNode, "loginPath").orElseThrow(() -> r.missing("flow.loginPath")))
                : Optional.empty(), r.text(flowNode, "bookingsPath"),
                r.text(flowNode, "sessionUrl").orElseThrow(() -> r.missing("flow.sessionUrl")), join,
                flowNode.path("preJoin").asBoolean(false));

        Map<String, Locator> locators = new HashMap<>();
        r.object(tree, "locators").ifPresent(l -> l.fields().forEachRemaining(e -> {
            if (!AppProfile.LOCATORS.containsKey(e.getKey())) {
                throw r.error("locators." + e.getKey() + " is not an element livecheck knows: use one of " + AppProfile.LOCATORS.keySet());
            }
            if (!e.getValue().isNull()) {
                locators.put(e.getKey(), Locator.parse(e.getValue().asText(), r.where("locators." + e.getKey())));
            }
        }));
        List<String> needed = new ArrayList<>();
        if (login) {
            needed.addAll(List.of("login.username", "login.password", "login.submit", "login.signedIn"));
        }
        if (join == AppProfile.JoinVia.BOOKINGS) {
            needed.addAll(List.of("bookings.row", "bookings.join"));
            if (flow.bookingsPath().isEmpty()) {
                needed.add("bookings.open");
            }
        }
        if (flow.preJoin()) {
            needed.add("prejoin.submit");
        }
        for (String key : needed) {
            if (!locators.containsKey(key)) {
                throw r.error("locators." + key + " is missing (" + AppProfile.LOCATORS.get(key) + "): the flow needs it");
            }
        }

        Map<String, String> texts = new HashMap<>();
        r.object(tree, "texts").ifPresent(t -> t.fields().forEachRemaining(e -> {
            if (!AppProfile.TEXTS.containsKey(e.getKey())) {
                throw r.error("texts." + e.getKey() + " is not a text livecheck knows: use one of " + AppProfile.TEXTS.keySet());
            }
            if (!e.getValue().isNull()) {
                texts.put(e.getKey(), e.getValue().asText());
            }
        }));

        List<StateRule> states = new ArrayList<>();
        JsonNode stateNode = tree.get("sessionState");
        if (stateNode == null || !stateNode.isArray() || stateNode.isEmpty()) {
            throw r.missing("sessionState (rules saying how the page shows connecting, waiting, connected, reconnecting, error, ended)");
        }
        for (int i = 0; i < stateNode.size(); i++) {
            states.add(stateRule(r, stateNode.get(i), "sessionState[" + i + "]"));
        }

        Optional<ParticipantList> participants = r.object(tree, "participantList").map(p -> {
            r.only(p, "participantList", Set.of("entry", "identity", "name", "role", "includesSelf"));
            String where = "participantList";
            return new ParticipantList(Locator.parse(r.text(p, "entry").orElseThrow(() -> r.missing("participantList.entry")), r.where(where + ".entry")),
                    r.text(p, "identity").map(s -> Field.parse(s, r.where(where + ".identity"))),
                    r.text(p, "name").map(s -> Field.parse(s, r.where(where + ".name"))),
                    r.text(p, "role").map(s -> Field.parse(s, r.where(where + ".role"))),
                    p.path("includesSelf").asBoolean(true));
        });

        ObjectNode c = r.object(tree, "conventions").orElseThrow(() -> r.missing("conventions"));
        r.only(c, "conventions", CONVENTIONS);
        ObjectNode identity = r.object(c, "identity").orElseThrow(() -> r.missing("conventions.identity"));
        Map<Role, String> identities = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            identities.put(role, r.text(identity, role.id()).orElseThrow(() -> r.missing("conventions.identity." + role.id())));
        }
        Map<String, String> console = new HashMap<>();
        r.object(c, "console").ifPresent(cn -> cn.fields().forEachRemaining(e -> {
            if (!Conventions.CONSOLE_KEYS.containsKey(e.getKey())) {
                throw r.error("conventions.console." + e.getKey() + " is not a console line livecheck knows: use one of " + Conventions.CONSOLE_KEYS.keySet());
            }
            if (!e.getValue().isNull()) {
                console.put(e.getKey(), e.getValue().asText());
            }
        }));
        long timeoutMs = c.path("connectTimeoutMs").asLong(0);
        if (timeoutMs <= 0) {
            throw r.missing("conventions.connectTimeoutMs (the connection timeout the app promises, e.g. 30000)");
        }
        Conventions conventions = new Conventions(r.text(c, "room").orElseThrow(() -> r.missing("conventions.room")), identities,
                RoleSource.parse(r.text(c, "role").orElse("none"), r.where("conventions.role")), Duration.ofMillis(timeoutMs),
                c.has("reconnectGiveUpMs") ? Duration.ofMillis(c.path("reconnectGiveUpMs").asLong()) : Conventions.DEFAULT_RECONNECT_GIVE_UP, console);
        if (conventions.role().kind() == RoleSource.Kind.NONE && !notApplicable.containsKey(Feature.ROLES)) {
            throw r.error("conventions.role is none but notApplicable has no 'roles': say where the app keeps the role, or why it has none");
        }

        Map<String, AppProfile.ApiRoute> api = new HashMap<>();
        r.object(tree, "api").ifPresent(a -> {
            r.only(a, "api", API);
            a.fields().forEachRemaining(e -> {
                String[] parts = e.getValue().asText().trim().split("\\s+", 2);
                if (parts.length != 2 || !parts[1].startsWith("/")) {
                    throw r.error("api." + e.getKey() + " is '" + e.getValue().asText() + "': write METHOD /path, e.g. POST /api/bookings/{session}/token");
                }
                api.put(e.getKey(), new AppProfile.ApiRoute(parts[0].toUpperCase(java.util.Locale.ROOT), parts[1]));
            });
        });

        Map<String, List<String>> vocabulary = new HashMap<>();
        r.object(tree, "vocabulary").ifPresent(v -> {
            r.only(v, "vocabulary", VOCABULARY);
            v.fields().forEachRemaining(e -> {
                List<String> words = new ArrayList<>();
                (e.getValue().isArray() ? e.getValue() : JsonNodeFactory.instance.arrayNode().add(e.getValue())).forEach(w -> words.add(w.asText()));
                vocabulary.put(e.getKey(), words);
            });
        });

        QualityThresholds d = QualityThresholds.DEFAULTS;
        QualityThresholds quality = r.object(tree, "quality").map(q -> {
            r.only(q, "quality", QUALITY);
            return new QualityThresholds(q.path("maxLatencyP95Ms").asLong(d.maxLatencyP95Ms()),
                    q.path("minFps").asDouble(d.minFps()), q.path("minHeight").asLong(d.minHeight()), q.path("maxFreezeMs").asLong(d.maxFreezeMs()),
                    q.path("maxAudioLeadMs").asLong(d.maxAudioLeadMs()), q.path("maxAudioLagMs").asLong(d.maxAudioLagMs()));
        }).orElse(d);

        AppProfile profile = new AppProfile(name, source, roleNames, accounts, group, sessions, flow, locators, texts, states, participants,
                conventions, api, notApplicable, vocabulary, quality);
        // fail now on a template with an unknown placeholder, not in the middle of a test
        profile.liveRoom();
        for (Role role : Role.values()) {
            profile.identityOf(profile.account(role));
        }
        return profile;
    }

    private static Account account(Reader r, ObjectNode a, String where, Role role, boolean login) {
        r.only(a, where, ACCOUNT);
        String username = r.text(a, "username").orElse("");
        String password = r.text(a, "password").orElse("");
        if (login && (username.isEmpty() || password.isEmpty())) {
            throw r.missing(where + ".username and " + where + ".password (the app has a login)");
        }
        String id = r.text(a, "id").orElse(username);
        return new Account(role, username, password, id, r.text(a, "name").orElse(username.isEmpty() ? role.id() : username));
    }

    private static StateRule stateRule(Reader r, JsonNode rule, String where) {
        if (!rule.isObject()) {
            throw r.error(where + " is not a rule: write {state: error, locator: testid:session-error} or {locator: …, attribute: data-state}");
        }
        r.only((ObjectNode) rule, where, Set.of("state", "locator", "attribute", "text"));
        Optional<SessionState> state = r.text((ObjectNode) rule, "state").map(s -> SessionState.parse(s).filter(x -> x != SessionState.ABSENT)
                .orElseThrow(() -> r.error(where + ".state '" + s + "' is not a state: use connecting, waiting, connected, reconnecting, error or ended")));
        Optional<String> attribute = r.text((ObjectNode) rule, "attribute");
        if (state.isEmpty() && attribute.isEmpty()) {
            throw r.error(where + " names no state: give state, or an attribute holding the state");
        }
        Locator locator = Locator.parse(r.text((ObjectNode) rule, "locator").orElseThrow(() -> r.missing(where + ".locator")), r.where(where + ".locator"));
        Optional<Pattern> text = r.text((ObjectNode) rule, "text").map(t -> {
            try {
                return Pattern.compile(t);
            } catch (PatternSyntaxException e) {
                throw r.error(where + ".text '" + t + "' is not a regular expression: " + e.getDescription());
            }
        });
        return new StateRule(state, locator, attribute, text);
    }

    /** Reads entries, and says which file and key when something is wrong. */
    private record Reader(String source) {
        String where(String key) {
            return "app profile " + source + ", " + key;
        }

        LivecheckException error(String message) {
            return new LivecheckException("app profile " + source + ": " + message);
        }

        LivecheckException missing(String key) {
            return error(key + " is missing: add it (see the profile reference in the README)");
        }

        Optional<String> text(ObjectNode node, String key) {
            JsonNode v = node.get(key);
            return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText().trim());
        }

        Optional<ObjectNode> object(ObjectNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isObject()) {
                throw error(key + " must be a mapping (key: value lines)");
            }
            return Optional.of((ObjectNode) v);
        }

        void only(ObjectNode node, String where, Set<String> known) {
            node.fieldNames().forEachRemaining(k -> {
                if (!known.contains(k)) {
                    throw error((where.isEmpty() ? "" : where + ".") + k + " is not a key livecheck knows here: use " + new TreeMap<>(
                            known.stream().collect(java.util.stream.Collectors.toMap(x -> x, x -> ""))).keySet());
                }
            });
        }
    }
}
