package dev.sfnrun.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builders for the commands' picocli models. The commands are described through picocli's
 * programmatic API rather than its annotations: reading annotations at start-up costs reflection,
 * generated proxy classes and accessors on every run (see README, Performance). A command reads
 * its parsed values back with {@link #value}.
 */
final class Specs {
    private Specs() {
    }

    /** The key of the "Examples:" section of {@code --help}, shown after the description. */
    static final String EXAMPLES = "examples";

    /**
     * A command of {@code userObject} (run through its {@code call()}) with -h/--help and -V/--version.
     * {@code description}: paragraphs, one string each, wrapped by picocli to the help's width; the first
     * is a one-line summary, which is also the command's line in the "Commands:" list. {@code examples}:
     * command lines shown as they are, never wrapped, so that they can be copied (a continuation line ends
     * with a backslash). {@code footer}: paragraphs after the exit codes.
     */
    static CommandSpec command(String name, Object userObject, String[] description, String[] examples, String[] footer) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject).name(name);
        picocli.CommandLine.Model.UsageMessageSpec usage = spec.usageMessage();
        usage.sortOptions(false).description(description).footer(footer);
        java.util.List<String> keys = new java.util.ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION) + 1, EXAMPLES);
        usage.sectionKeys(keys);
        java.util.Map<String, picocli.CommandLine.IHelpSectionRenderer> sections = new java.util.LinkedHashMap<>(usage.sectionMap());
        sections.put(EXAMPLES, help -> examples(examples));
        usage.sectionMap(sections);
        spec.versionProvider(new Version());
        return spec;
    }

    /** The "Examples:" section: each line as it is (not wrapped, not formatted), then the blank line before the options. */
    private static String examples(String[] lines) {
        String newline = System.lineSeparator();
        StringBuilder text = new StringBuilder(newline);
        if (lines.length > 0) {
            text.append("Examples:").append(newline);
            for (String line : lines) {
                text.append("  ").append(line).append(newline);
            }
            text.append(newline);
        }
        return text.toString();
    }

    /**
     * The "Exit codes:" list of {@code --help}: pairs of a code and what it means, in order, as
     * picocli's exit code list (one row per code, wrapped to the help's width).
     */
    static void exitCodes(CommandSpec spec, Object... codeAndMeaning) {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codeAndMeaning.length; i += 2) {
            codes.put(String.valueOf(codeAndMeaning[i]), (String) codeAndMeaning[i + 1]);
        }
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    }

    /** Adds -h/--help and -V/--version, last, as picocli's standard help options read. */
    static void helpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    /** An option that takes no value. */
    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0").description(description).build();
    }

    /** An option with one value of {@code type}; {@code defaultValue} may be null. */
    static OptionSpec option(String name, String label, Class<?> type, String defaultValue, String... description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).defaultValue(defaultValue)
                .description(description).build();
    }

    /** A repeatable option collecting its values in a list of strings. */
    static OptionSpec repeatable(String name, String label, String... description) {
        return OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(String.class)
                .description(description).build();
    }

    /** A positional parameter at {@code index} taking {@code arity} values (an optional one is shown without brackets: only "validate" makes it optional). */
    static PositionalParamSpec positional(String index, String arity, String label, Class<?> type, String description) {
        PositionalParamSpec.Builder builder = PositionalParamSpec.builder().index(index).arity(arity).paramLabel(label)
                .type(type).description(description).required(!arity.startsWith("0")).hideParamSyntax(arity.equals("0..1"));
        if (type == List.class) {
            builder.auxiliaryTypes(String.class);
        }
        return builder.build();
    }

    /** The parsed (or default) value of the option named {@code name}. */
    @SuppressWarnings("unchecked")
    static <T> T value(CommandSpec spec, String name) {
        return (T) spec.findOption(name).getValue();
    }

    /** Whether the flag named {@code name} was given. */
    static boolean isSet(CommandSpec spec, String name) {
        return Boolean.TRUE.equals(spec.findOption(name).getValue());
    }

    /** The parsed value of the first positional parameter. */
    @SuppressWarnings("unchecked")
    static <T> T positionalValue(CommandSpec spec) {
        return (T) spec.positionalParameters().get(0).getValue();
    }

    /**
     * Refuses an empty argument ("", an unset shell variable, say) where a file, directory or path is
     * expected (by its label: FILE, FILE|JSON, DEFINITION, DIR, PATH), before anything runs: as a path,
     * "" is the current directory, which no option means. One line naming the option (or the positional
     * parameter's label). Nothing is checked when help or the version is asked for.
     */
    static void refuseEmptyNames(picocli.CommandLine.ParseResult parseResult) {
        for (picocli.CommandLine.ParseResult at = parseResult; at != null; at = at.subcommand()) {
            if (at.isUsageHelpRequested() || at.isVersionHelpRequested()) {
                return;
            }
        }
        for (picocli.CommandLine.ParseResult at = parseResult; at != null; at = at.subcommand()) {
            for (picocli.CommandLine.Model.ArgSpec arg : at.matchedArgs()) {
                String what = emptyWhat(arg.paramLabel());
                if (what == null) {
                    continue;
                }
                Object value = arg.getValue();
                boolean empty = value instanceof List<?> list ? list.contains("") : "".equals(value);
                if (empty) {
                    String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
                    throw new picocli.CommandLine.ExecutionException(at.commandSpec().commandLine(), name,
                            new UsageError(name + ": " + what));
                }
            }
        }
    }

    /** What an empty value of an argument labelled {@code label} lacks; null: not a name of a file. */
    private static String emptyWhat(String label) {
        return switch (label) {
            case "FILE", "DEFINITION" -> "the file name is empty";
            case "FILE|JSON" -> "the value is empty (neither a file name nor inline JSON)";
            case "DIR" -> "the directory name is empty";
            case "PATH" -> "the path is empty";
            default -> null;
        };
    }
}
