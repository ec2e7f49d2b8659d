package dev.sfnrun.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.DefinitionException;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.ResourceNames;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.validate.Diagnostic;
import dev.sfnrun.definition.validate.Severity;
import dev.sfnrun.definition.validate.ValidationReport;
import dev.sfnrun.definition.validate.Validator;
import dev.sfnrun.engine.Bindings;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.engine.UnboundResourceException;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.MockedResponse;
import dev.sfnrun.task.load.TaskLoadException;
import dev.sfnrun.task.load.TaskRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads suite files and checks them completely before anything runs: unknown keys, missing files,
 * values of the wrong type, state names the machine does not have, unbound Task resources. Every
 * problem found is a {@link SuiteError} naming the file, line and key; {@link #load} throws them
 * all at once.
 */
public final class SuiteLoader {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    /** AWS's quota on StartExecution's input. */
    static final int MAX_INPUT_BYTES = 262_144;

    static final Set<String> SUITE_KEYS = Set.of("definition", "template", "stateMachine", "substitutions",
            "stateMachineName", "type", "tasks", "classpath", "mockConfig", "context", "timeScale", "cases");
    static final Set<String> CASE_KEYS = Set.of("name", "input", "inputFile", "mocks", "testCase", "context",
            "expect", "todo");

    private final Map<String, SuiteMachine> machines = new HashMap<>();
    private final Map<String, TemplateMachine> templateMachines = new HashMap<>();
    /** The bindings of the template of the suite being loaded; null for a definition file. */
    private java.util.function.UnaryOperator<List<String>> templateBindings;
    /** The Python and Node.js handlers of the template of the suite being loaded; null for a definition file. */
    private java.util.function.Function<List<String>, Map<String, dev.sfnrun.task.process.HandlerSpec>> templateHandlers;
    private final List<SuiteError> errors = new ArrayList<>();
    private final MachineSource templates;

    /**
     * Where {@code template:} + {@code stateMachine:} suites get their machine; null when templates
     * are not supported.
     */
    public interface MachineSource {
        /**
         * The machine {@code id} of the template file, its {@code ${NAME}} placeholders replaced from
         * {@code substitutions}; or a {@link SuiteException}.
         */
        TemplateMachine load(Path template, String shownTemplate, String id, Map<String, String> substitutions);
    }

    /**
     * A template's machine and how the template's functions join the suite's bindings.
     *
     * @param bindings the suite's {@code tasks} bindings → all bindings (the template's own functions added)
     * @param reads    the files the machine was read from besides the template (its {@code DefinitionUri} file)
     */
    public record TemplateMachine(SuiteMachine machine, java.util.function.UnaryOperator<List<String>> bindings,
                                  java.util.function.Function<List<String>, Map<String, dev.sfnrun.task.process.HandlerSpec>> handlers,
                                  List<Path> reads) {
        public TemplateMachine {
            reads = List.copyOf(reads);
        }
    }

    public SuiteLoader(MachineSource templates) {
        this.templates = templates;
    }

    public SuiteLoader() {
        this(null);
    }

    /** Loads every file; throws every problem found in any of them. */
    public List<Suite> load(List<Path> files) {
        List<Suite> suites = new ArrayList<>();
        for (Path file : files) {
            try {
                Suite suite = loadOne(file, file.toString());
                if (suite != null) {
                    suites.add(suite);
                }
            } catch (SuiteException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new SuiteException(errors);
        }
        return suites;
    }

    /** Reads one suite; null when it has errors (they are collected). */
    private Suite loadOne(Path file, String shown) {
        LocatedDocument doc = LocatedDocument.read(file, shown);
        Where where = new Where(errors, shown, doc);
        int before = errors.size();
        JsonNode root = doc.root();
        if (!root.isObject()) {
            where.error("", null, "a suite is an object with 'definition' and 'cases', not " + Json.typeName(root));
            return null;
        }
        where.keys("", root, SUITE_KEYS, "suite");
        Path dir = file.toAbsolutePath().getParent();
        templateBindings = null;
        templateHandlers = null;
        SuiteMachine machine = machine(root, dir, where);
        ExecutionType type = ExecutionType.STANDARD;
        if (root.has("type")) {
            String text = root.get("type").asText("");
            try {
                type = ExecutionType.valueOf(text);
            } catch (IllegalArgumentException e) {
                where.error("/type", "type", "expected STANDARD or EXPRESS, not " + Json.compact(root.get("type")));
            }
        }
        String machineName = machine == null ? "StateMachine" : machine.defaultName();
        if (root.has("stateMachineName")) {
            String name = where.text(root, "stateMachineName");
            if (name != null && !ResourceNames.isValid(name, ResourceNames.MAX_NAME)) {
                where.error("/stateMachineName", "stateMachineName", "'" + name + "' is not a name AWS accepts");
            } else if (name != null) {
                machineName = name;
            }
        }
        List<String> classpath = new ArrayList<>();
        for (String entry : where.texts(root, "classpath")) {
            classpath.add(dir.resolve(entry).toString());
        }
        List<String> tasks = where.texts(root, "tasks");
        Map<String, dev.sfnrun.task.process.HandlerSpec> handlers = templateHandlers == null ? Map.of()
                : templateHandlers.apply(tasks); // explicit bindings win
        if (templateBindings != null) {
            tasks = templateBindings.apply(tasks);
        }
        Path mockConfig = null;
        if (root.has("mockConfig")) {
            mockConfig = where.file(root, "mockConfig", dir);
        }
        ObjectNode suiteContext = null;
        if (root.has("context")) {
            suiteContext = where.object(root, "context");
        }
        double timeScale = 0;
        if (root.has("timeScale")) {
            JsonNode scale = root.get("timeScale");
            if (!scale.isNumber() || !(scale.asDouble() == 0 || scale.asDouble() >= 0.000001 && Double.isFinite(scale.asDouble()))) {
                where.error("/timeScale", "timeScale", "expected 0 (virtual time) or a number from 0.000001 up, not "
                        + Json.compact(scale));
            } else {
                timeScale = scale.asDouble();
            }
        }
        List<TestCase> cases = new ArrayList<>();
        JsonNode list = root.get("cases");
        if (list == null) {
            where.error("", "cases", "missing: a suite lists its cases under 'cases'");
        } else if (!list.isArray() || list.isEmpty()) {
            where.error("/cases", "cases", "expected a non-empty list of cases");
        } else if (machine != null) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                TestCase testCase = testCase(list.get(i), "/cases/" + i, "cases[" + i + "]", dir, machine,
                        suiteContext, mockConfig, where);
                if (testCase != null && !names.add(testCase.name())) {
                    where.error("/cases/" + i + "/name", "cases[" + i + "].name", "a second case named '"
                            + testCase.name() + "'");
                }
                cases.add(testCase);
            }
        }
        if (errors.size() > before || machine == null) {
            return null;
        }
        Suite suite = new Suite(shown, machine, type, machineName, classpath, tasks, mockConfig, timeScale, cases,
                handlers, where.read());
        checkBindings(suite, where, list);
        return errors.size() > before ? null : suite;
    }

    /**
     * Every Task state has a function, or a mock in some case (a case that reaches a Task state
     * nothing answers fails); the mock file's test cases exist.
     */
    private void checkBindings(Suite suite, Where where, JsonNode list) {
        TaskRegistry shared;
        try {
            shared = CaseTasks.suiteRegistry(suite);
        } catch (TaskLoadException e) {
            where.error("/tasks", "tasks", e.getMessage());
            return;
        }
        try (shared) {
            Map<String, UnboundResourceException> unboundEverywhere = null;
            boolean plainCaseSeen = false;
            for (int i = 0; i < suite.cases().size(); i++) {
                TestCase testCase = suite.cases().get(i);
                boolean plain = testCase.mocks().isEmpty() && testCase.testCase() == null;
                if (plain && plainCaseSeen) {
                    continue; // the same bindings as a case already checked
                }
                plainCaseSeen |= plain;
                try (TaskRegistry registry = CaseTasks.caseRegistry(shared, suite, testCase)) {
                    Map<String, UnboundResourceException> unbound = new LinkedHashMap<>();
                    for (UnboundResourceException e : Bindings.unbound(suite.machine().machine().graph(), registry)) {
                        unbound.put(e.stateName(), e);
                    }
                    if (unboundEverywhere == null) {
                        unboundEverywhere = unbound;
                    } else {
                        unboundEverywhere.keySet().retainAll(unbound.keySet());
                    }
                } catch (TaskLoadException e) {
                    where.error("/cases/" + i + "/testCase", "cases[" + i + "].testCase", e.getMessage());
                }
            }
            if (unboundEverywhere != null) {
                String key = where.doc.root().has("definition") ? "definition" : "template";
                for (UnboundResourceException e : unboundEverywhere.values()) {
                    where.error("/" + key, key, e.getMessage() + " No case mocks it either: mock it under a case's "
                            + "'mocks', or bind it under 'tasks'.");
                }
            }
        } catch (TaskLoadException e) {
            where.error("/tasks", "tasks", e.getMessage());
        }
    }

    private SuiteMachine machine(JsonNode root, Path dir, Where where) {
        boolean definition = root.has("definition");
        boolean template = root.has("template");
        if (definition == template) {
            where.error("", definition ? "template" : "definition", definition
                    ? "give either 'definition' or 'template', not both"
                    : "missing: name the machine with 'definition: FILE' (or 'template: FILE' and 'stateMachine: ID')");
            return null;
        }
        if (template) {
            if (templates == null) {
                where.error("/template", "template", "templates are not supported by this build; use 'definition: FILE'");
                return null;
            }
            String id = where.text(root, "stateMachine");
            if (!root.has("stateMachine")) {
                where.error("", "stateMachine", "missing: with 'template', name the machine's logical id with 'stateMachine'");
            }
            Path file = where.file(root, "template", dir);
            if (file == null || id == null) {
                return null;
            }
            Map<String, String> substitutions = new LinkedHashMap<>();
            JsonNode values = root.path("substitutions");
            if (root.has("substitutions")) {
                if (!values.isObject()) {
                    where.error("/substitutions", "substitutions", "expected an object of NAME: VALUE");
                    return null;
                }
                values.fields().forEachRemaining(e -> substitutions.put(e.getKey(), e.getValue().isTextual()
                        ? e.getValue().asText() : Json.compact(e.getValue())));
            }
            String key = file.toAbsolutePath().normalize() + "#" + id + "#" + substitutions;
            TemplateMachine cached = templateMachines.get(key);
            if (cached != null) {
                templateBindings = cached.bindings();
                templateHandlers = cached.handlers();
                cached.reads().forEach(where::alsoRead);
                return cached.machine();
            }
            Path shownDir = Path.of(where.file).getParent();
            String shown = shownDir == null ? root.get("template").asText()
                    : shownDir.resolve(root.get("template").asText()).normalize().toString();
            try {
                TemplateMachine loaded = templates.load(file, shown, id, substitutions);
                templateMachines.put(key, loaded);
                templateBindings = loaded.bindings();
                templateHandlers = loaded.handlers();
                loaded.reads().forEach(where::alsoRead);
                return loaded.machine();
            } catch (SuiteException e) {
                for (SuiteError error : e.errors()) {
                    where.error("/template", "template", error.text());
                }
                return null;
            }
        }
        if (root.has("stateMachine")) {
            where.error("/stateMachine", "stateMachine", "only goes with 'template'");
        }
        if (root.has("substitutions")) {
            where.error("/substitutions", "substitutions", "only goes with 'template'");
        }
        Path file = where.file(root, "definition", dir);
        if (file == null) {
            return null;
        }
        String key = file.toAbsolutePath().normalize().toString();
        SuiteMachine cached = machines.get(key);
        if (cached != null) {
            return cached;
        }
        Path shownDir = Path.of(where.file).getParent();
        String shown = shownDir == null ? root.get("definition").asText()
                : shownDir.resolve(root.get("definition").asText()).normalize().toString();
        try {
            SuiteMachine loaded = definition(file, shown);
            machines.put(key, loaded);
            return loaded;
        } catch (SuiteException e) {
            for (SuiteError error : e.errors()) {
                where.error("/definition", "definition", error.text());
            }
            return null;
        }
    }

    /** Reads, validates and parses a definition file. */
    public static SuiteMachine definition(Path file, String shown) {
        String text = LocatedDocument.readText(file, shown);
        return definitionText(file.toAbsolutePath().normalize().toString(), shown, defaultName(file), text);
    }

    /** Validates and parses a definition's text. */
    public static SuiteMachine definitionText(String key, String shown, String defaultName, String text) {
        ValidationReport report = Validator.validateText(shown, text);
        if (report.hasErrors()) {
            List<Diagnostic> problems = report.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            Diagnostic first = problems.get(0);
            throw new SuiteException(new SuiteError(shown, first.line(), null, "not a valid definition: " + first.code()
                    + ": " + first.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more; see sfn-run validate)" : "")));
        }
        try {
            JsonNode json = Json.parse(text);
            StateMachine machine = DefinitionParser.parse(json);
            return SuiteMachine.of(key, shown, defaultName, machine, json);
        } catch (JsonProcessingException e) {
            throw new SuiteException(new SuiteError(shown, 0, null, "not valid JSON"));
        } catch (DefinitionException e) {
            throw new SuiteException(new SuiteError(shown, 0, null, e.getMessage()));
        }
    }

    /** The state machine name a definition file gives: its name without .asl.json or .json. */
    static String defaultName(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[] {".asl.json", ".json"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        return ResourceNames.isValid(name, ResourceNames.MAX_NAME) ? name : "StateMachine";
    }

    private TestCase testCase(JsonNode node, String at, String key, Path dir, SuiteMachine machine,
                              ObjectNode suiteContext, Path mockConfig, Where where) {
        if (!node.isObject()) {
            where.error(at, key, "a case is an object with 'name' and its settings, not " + Json.typeName(node));
            return null;
        }
        where.keys(at, node, CASE_KEYS, key);
        String name = where.text(node, at, key, "name");
        if (!node.has("name")) {
            where.error(at, key + ".name", "missing: every case has a name");
        } else if (name != null && name.isBlank()) {
            where.error(at + "/name", key + ".name", "is empty");
        }
        JsonNode input = Json.object();
        String inputText = "{}";
        if (node.has("input") && node.has("inputFile")) {
            where.error(at + "/inputFile", key + ".inputFile", "give either 'input' or 'inputFile', not both");
        } else if (node.has("input")) {
            input = node.get("input");
            inputText = Json.compact(input);
        } else if (node.has("inputFile")) {
            Path file = where.file(node, at, key, "inputFile", dir);
            if (file != null) {
                try {
                    inputText = LocatedDocument.readText(file, node.get("inputFile").asText());
                    input = Json.parse(inputText);
                } catch (SuiteException e) {
                    e.errors().forEach(error -> where.error(at + "/inputFile", key + ".inputFile", error.text()));
                } catch (JsonProcessingException e) {
                    where.error(at + "/inputFile", key + ".inputFile", node.get("inputFile").asText()
                            + ": not valid JSON: " + JsonMessages.limits(e.getOriginalMessage()).lines().findFirst().orElse(""));
                }
            }
        }
        int bytes = inputText.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INPUT_BYTES) {
            where.error(at + (node.has("input") ? "/input" : "/inputFile"), key + ".input", "the input is " + bytes
                    + " bytes; AWS accepts at most " + MAX_INPUT_BYTES + " (256 KiB)");
        }
        Map<String, MockedResponse> mocks = new LinkedHashMap<>();
        if (node.has("mocks")) {
            mocks = Mocks.parse(node.get("mocks"), at + "/mocks", key + ".mocks", machine, where);
        }
        String testCase = null;
        if (node.has("testCase")) {
            testCase = where.text(node, at, key, "testCase");
            if (mockConfig == null && testCase != null) {
                where.error(at + "/testCase", key + ".testCase", "needs the suite's 'mockConfig' file");
                testCase = null;
            }
        }
        ObjectNode context = suiteContext;
        if (node.has("context")) {
            ObjectNode own = where.object(node, at, key, "context");
            if (own != null) {
                context = suiteContext == null ? own : merge(suiteContext, own);
            }
        }
        List<Expectation> expectations = new ArrayList<>();
        if (node.has("todo")) {
            expectations.add(new Expectations.Todo(node.get("todo").asText(Json.compact(node.get("todo")))));
        }
        if (node.has("expect")) {
            ObjectNode expect = where.object(node, at, key, "expect");
            if (expect != null) {
                expectations.addAll(ExpectationReader.read(expect, at + "/expect", key + ".expect", machine, where));
            }
        }
        // a case that says nothing (or only empty lists: events: [], visits: {}) expects what a smoke test expects: success
        if (expectations.stream().allMatch(Expectation::checksNothing)) {
            expectations.add(new Expectations.Status(ExecutionStatus.SUCCEEDED));
        }
        return name == null ? null : new TestCase(name, input, inputText, mocks, testCase, context, expectations);
    }

    /** {@code over}'s members over {@code base}'s, objects merged recursively (bounded by the documents' depth). */
    static ObjectNode merge(ObjectNode base, ObjectNode over) {
        ObjectNode out = Json.shallowCopy(base);
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode old = out.get(field.getKey());
            out.set(field.getKey(), old instanceof ObjectNode a && field.getValue() instanceof ObjectNode b
                    ? merge(a, b) : field.getValue());
        }
        return out;
    }
}
