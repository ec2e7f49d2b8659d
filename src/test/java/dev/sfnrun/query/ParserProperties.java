package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sfnrun.definition.validate.Validator;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.jsonata.JsonataExpression;
import dev.sfnrun.query.jsonata.JsonataTemplate;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated texts given to every parser: each ends, within a time bound, with a result
 * or its clear error (a QuerySyntaxException, a JSON syntax error, an ASL error or a diagnostic),
 * never a StackOverflowError, an internal exception or a hang.
 */
class ParserProperties {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String JSON_CHARS = "{}[]\",:0123456789.eE+-truefalsnl \\u\"abc";
    private static final String PATH_CHARS = "$.[]*?()@'\"0123456789:abc,=<>!&|-";
    private static final String JSONATA_CHARS = "$.[](){}'\"0123456789:abc,=<>!&|-+*/%?~^#@` \n";

    /** Texts from an alphabet, plus deep nestings of one opening character, plus a valid seed with one mutation. */
    private static Arbitrary<String> texts(String alphabet, String seed) {
        Arbitrary<String> random = Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(60);
        Arbitrary<String> deep = Combinators.combine(Arbitraries.of("(", "[", "{", "[?(@", ".a", "$."),
                Arbitraries.integers().between(100, 30_000)).as((open, n) -> open.repeat(n));
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.integers().between(0, seed.length()),
                Arbitraries.chars().with(alphabet.toCharArray()), Arbitraries.integers().between(1, 4000))
                .as((at, c, times) -> seed.substring(0, at) + String.valueOf(c).repeat(times) + seed.substring(at));
        return Arbitraries.oneOf(random, deep, mutated);
    }

    @Provide
    Arbitrary<String> jsonTexts() {
        return texts(JSON_CHARS, "{\"a\": [1, 2.5e3, \"x\\u0041\", {\"b\": null}], \"c\": true}");
    }

    @Provide
    Arbitrary<String> paths() {
        return texts(PATH_CHARS, "$.a[0].b[?(@.c > 1)]['d']").map(t -> t.startsWith("$") ? t : "$" + t);
    }

    @Provide
    Arbitrary<String> intrinsics() {
        return texts("States.FormatArrayJsonToString(){}'$.a,1 \\", "States.Format('{} {}', $.a, States.Array(1, 'x'))");
    }

    @Provide
    Arbitrary<String> jsonata() {
        return texts(JSONATA_CHARS, "$states.input.a[0] + $count([1,2,3]) & $string({'k': $x})");
    }

    @Provide
    Arbitrary<String> definitions() {
        return texts(JSON_CHARS + "SttAtTypePassEnd", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", "
                + "\"Parameters\": {\"x.$\": \"$.a\"}, \"End\": true}}}");
    }

    @Property(tries = 300)
    void jsonDocuments(@ForAll("jsonTexts") String text) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                Json.parse(text);
            } catch (JsonProcessingException expected) {
                // a clear syntax error: one line, in plain words (never the parser's class names)
                String plain = JsonMessages.plain(expected);
                assertFalse(plain.contains("\n") || plain.contains("StreamReadConstraints"), plain);
            }
        });
    }

    @Property(tries = 300)
    void jsonPaths(@ForAll("paths") String text) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                JsonPath path = JsonPath.compile(text);
                if (text.startsWith("$$") || text.length() > 1 && Character.isLetter(text.charAt(1))) {
                    return; // the context object and variables need a run; compiling them is the test
                }
                path.evaluate(Json.parse("{\"a\": [{\"b\": [{\"c\": 2}], \"d\": 1}]}"), null);
            } catch (QuerySyntaxException | StatesError | PathNotFoundException | UndefinedVariableException expected) {
                // a clear error
            }
        });
    }

    @Property(tries = 300)
    void intrinsicFunctions(@ForAll("intrinsics") String text) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                Intrinsics.compile(text);
            } catch (QuerySyntaxException expected) {
                // a clear error
            }
        });
    }

    @Property(tries = 300)
    void jsonataExpressions(@ForAll("jsonata") String text) {
        assertTimeoutPreemptively(BOUND, () -> JsonataExpression.parseError(text));
    }

    @Property(tries = 200)
    void definitions(@ForAll("definitions") String text) {
        assertTimeoutPreemptively(BOUND, () -> Validator.validateText("d.asl.json", text));
    }

    @Provide
    Arbitrary<String> deepExpressions() {
        return Combinators.combine(Arbitraries.of("(", "[", "{\"a\":", "$string(", "-", "1+", ".a"),
                Arbitraries.integers().between(1_001, 50_000)).as((open, n) -> open.repeat(n) + "1");
    }

    @Provide
    Arbitrary<String> deepIntrinsics() {
        return Combinators.combine(Arbitraries.of("States.Array(", "States.Format('{}', ", "States.JsonToString("),
                Arbitraries.integers().between(11, 20_000)).as((call, n) -> call.repeat(n) + "1" + ")".repeat(n));
    }

    /** An expression nested too deep is one short line in every parser's message: a long text is cut, not quoted whole. */
    @Property(tries = 60)
    void tooDeepExpressionsAreOneShortLine(@ForAll("deepExpressions") String text) {
        assertTimeoutPreemptively(BOUND, () -> {
            for (String field : new String[] {"{% " + text + " %}"}) {
                try {
                    JsonataTemplate.compile(Json.NODES.textNode(field), "Output", JsonataTemplate.Role.INPUT,
                            JsonataTemplate.Expect.ANY);
                    throw new AssertionError("accepted: " + Nesting.abbreviated(text));
                } catch (QuerySyntaxException expected) {
                    assertShortLine(expected.getMessage());
                }
            }
            try {
                JsonPath.compile("$" + text);
            } catch (QuerySyntaxException expected) {
                assertShortLine(expected.getMessage());
            }
        });
    }

    @Property(tries = 40)
    void tooDeepIntrinsicsAreOneShortLine(@ForAll("deepIntrinsics") String text) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                Intrinsics.compile(text);
                throw new AssertionError("accepted: " + Nesting.abbreviated(text));
            } catch (QuerySyntaxException expected) {
                assertShortLine(expected.getMessage());
                assertTrue(expected.getMessage().contains("nested at most 10 levels"), expected.getMessage());
            }
        });
    }

    private static void assertShortLine(String message) {
        assertTrue(message.length() < 1_200 && !message.contains("\n"), message.length() + " characters: "
                + Nesting.abbreviated(message));
    }
}
