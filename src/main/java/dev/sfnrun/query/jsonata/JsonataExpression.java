package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.SfnRunJsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.QuerySyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSONata expression (the text between {@code {%} and {@code %}}), parsed once. Evaluation
 * binds {@code $states} and the workflow variables the expression names, and has no input
 * document ({@code $} is undefined at the top level), as on AWS.
 */
public final class JsonataExpression {
    /**
     * How long one evaluation may run (real time). AWS's own bound is not documented; JSONata's
     * guard then fails the expression with "Expression evaluation timeout: Check for infinite loop".
     */
    static final long EVALUATION_TIMEOUT_MILLIS = 10_000;
    /** The bound in force: {@link #EVALUATION_TIMEOUT_MILLIS}, shortened by tests. */
    static volatile long evaluationTimeoutMillis = EVALUATION_TIMEOUT_MILLIS;

    private final String text;
    private final Jsonata compiled;
    private final References references;
    private final ExpressionTree tree;

    private JsonataExpression(String text, Jsonata compiled, References references) {
        this.text = text;
        this.compiled = compiled;
        this.references = references;
        this.tree = ExpressionTree.of(compiled);
    }

    /** Parses {@code text}; a syntax error is a {@link QuerySyntaxException} with jsonata-js's message. */
    public static JsonataExpression compile(String text) {
        String error = parseError(text);
        if (error != null) {
            throw new QuerySyntaxException(error);
        }
        Jsonata compiled = new SfnRunJsonata(text, value -> JsString.string(value, false), (pattern, string) -> {
            RegexMatch first = RegexMatch.first(pattern, string);
            return first == null ? null : first.toJsonata();
        });
        compiled.setOutputConvertNulls(false);
        JsonataBuiltins.register(compiled);
        AwsFunctions.register(compiled);
        RegexFunctions.register(compiled);
        StringFunctions.register(compiled);
        ArrayFunctions.register(compiled);
        UrlFunctions.register(compiled);
        FormatNumber.register(compiled);
        DateTimeFunctions.register(compiled);
        FormatBase.register(compiled);
        JsonataLimits.register(compiled);
        return new JsonataExpression(text, compiled, References.scan(text));
    }

    /** The parser's message when {@code text} is not a JSONata expression, else null. */
    public static String parseError(String text) {
        if (text.isBlank()) {
            return "The JSONata expression is empty";
        }
        String tooDeep = dev.sfnrun.query.Nesting.problem(text);
        if (tooDeep != null) {
            return "The JSONata expression cannot be parsed: " + tooDeep;
        }
        try {
            Jsonata parsed = Jsonata.jsonata(text);
            if (parsed.getErrors() != null && !parsed.getErrors().isEmpty()
                    && parsed.getErrors().get(0) instanceof JException e) {
                return syntaxMessage(e);
            }
            return null;
        } catch (JException e) {
            return syntaxMessage(e);
        } catch (RuntimeException e) {
            return "The JSONata expression cannot be parsed: " + e.getMessage();
        } catch (StackOverflowError e) {
            return "The JSONata expression cannot be parsed: it is nested too deeply";
        }
    }

    private static String syntaxMessage(JException e) {
        return JsonataErrors.describe(e) + (e.getLocation() >= 0 ? " (at position " + e.getLocation() + ")" : "");
    }

    /** The expression as written between the delimiters, trimmed (as AWS quotes it). */
    public String text() {
        return text.trim();
    }

    /** Whether the expression reads {@code $states.result}. */
    public boolean usesResult() {
        return references.statesResult();
    }

    /** Whether the expression reads {@code $states.errorOutput}. */
    public boolean usesErrorOutput() {
        return references.statesErrorOutput();
    }

    /**
     * Evaluates the expression. {@code result} and {@code errorOutput} may be null (not available
     * to this field). Returns null when the expression yields nothing (undefined); a failure is a
     * {@link JsonataEvaluationException}.
     */
    public JsonNode evaluate(JsonNode input, JsonNode result, JsonNode errorOutput, EvalContext context) {
        Frame frame = compiled.createFrame();
        // an expression that never ends (a tail-recursive loop) fails instead of hanging the run, and
        // one that builds a string past the payload limit fails as it builds it, not when the heap is full
        EvaluationHooks.install(frame, tree, evaluationTimeoutMillis);
        for (String name : references.names()) {
            if (name.equals("states")) {
                frame.bind("states", states(input, result, errorOutput, context));
            } else if (!references.called().contains(name)) {
                JsonNode value = context.variable(name);
                if (value != null) {
                    frame.bind(name, JsonataValues.toJsonata(value));
                }
            }
        }
        bindClock(frame);
        Object value;
        try {
            value = compiled.evaluate(null, frame);
        } catch (JException e) {
            throw new JsonataEvaluationException(JsonataErrors.describe(e, tree, text), true);
        } catch (AwsFunctions.FunctionError e) {
            throw new JsonataEvaluationException(e.getMessage(), false);
        } catch (StackOverflowError e) {
            throw new JsonataEvaluationException("Stack overflow error: Check for non-terminating recursive function. "
                    + "Consider rewriting as tail-recursive.", false);
        } catch (RuntimeException e) {
            if (JsonataErrors.isMixedSort(e)) {
                throw new JsonataEvaluationException(JsonataErrors.describe(new JException("D3070", -1)), true);
            }
            throw new JsonataEvaluationException(null, false);
        }
        JsonNode json = JsonataValues.toJson(value);
        if (json == null && value != null) {
            throw JsonataEvaluationException.ofUnsupportedResult();
        }
        return json;
    }

    /**
     * Binds {@code $now} and {@code $millis} to this evaluation's instant (one instant for the whole
     * evaluation, as in jsonata-js), when the expression names them: with {@code $eval} gone, naming
     * them is the only way to reach them. A function's signature is parsed (a regular expression
     * compiled) as it is made, which cost a quarter of a JSONata Map's time when done on every evaluation.
     */
    private void bindClock(Frame frame) {
        boolean now = references.names().contains("now");
        boolean millisNamed = references.names().contains("millis");
        if (!now && !millisNamed) {
            return;
        }
        long millis = System.currentTimeMillis();
        if (now) {
            frame.bind("now", new JFunction((in, args) -> Functions.dateTimeFromMillis(millis,
                    args.size() > 0 ? (String) args.get(0) : null, args.size() > 1 ? (String) args.get(1) : null),
                    "<s?s?:s>"));
        }
        if (millisNamed) {
            frame.bind("millis", new JFunction((in, args) -> millis, "<:n>"));
        }
    }

    private static Map<String, Object> states(JsonNode input, JsonNode result, JsonNode errorOutput,
                                              EvalContext context) {
        Map<String, Object> states = new LinkedHashMap<>();
        if (input != null) {
            states.put("input", JsonataValues.toJsonata(input));
        }
        if (result != null) {
            states.put("result", JsonataValues.toJsonata(result));
        }
        if (errorOutput != null) {
            states.put("errorOutput", JsonataValues.toJsonata(errorOutput));
        }
        JsonNode contextObject = context.contextObject();
        if (contextObject != null) {
            states.put("context", JsonataValues.toJsonata(contextObject));
        }
        return states;
    }

    @Override
    public String toString() {
        return "{%" + text + "%}";
    }
}
