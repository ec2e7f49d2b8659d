package dev.sfnrun.query.intrinsic;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The intrinsic functions of the States language, by name. */
final class FunctionTable {
    private static final int ANY = Integer.MAX_VALUE;

    private static final Map<String, IntrinsicFunction> FUNCTIONS = Stream.of(
            new IntrinsicFunction("States.Format", 1, ANY, Format::format),
            IntrinsicFunction.of("States.StringToJson", 1, JsonFunctions::stringToJson),
            IntrinsicFunction.of("States.JsonToString", 1, JsonFunctions::jsonToString),
            new IntrinsicFunction("States.Array", 0, ANY, ArrayFunctions::array),
            IntrinsicFunction.of("States.ArrayPartition", 2, ArrayFunctions::partition),
            IntrinsicFunction.of("States.ArrayContains", 2, ArrayFunctions::contains),
            IntrinsicFunction.of("States.ArrayRange", 3, ArrayFunctions::range),
            IntrinsicFunction.of("States.ArrayGetItem", 2, ArrayFunctions::getItem),
            IntrinsicFunction.of("States.ArrayLength", 1, ArrayFunctions::length),
            IntrinsicFunction.of("States.ArrayUnique", 1, ArrayFunctions::unique),
            IntrinsicFunction.of("States.Base64Encode", 1, EncodingFunctions::base64Encode),
            IntrinsicFunction.of("States.Base64Decode", 1, EncodingFunctions::base64Decode),
            IntrinsicFunction.of("States.Hash", 2, EncodingFunctions::hash),
            IntrinsicFunction.of("States.JsonMerge", 3, JsonFunctions::merge),
            new IntrinsicFunction("States.MathRandom", 2, 3, MathFunctions::random),
            IntrinsicFunction.of("States.MathAdd", 2, MathFunctions::add),
            IntrinsicFunction.of("States.StringSplit", 2, StringFunctions::split),
            IntrinsicFunction.of("States.UUID", 0, StringFunctions::uuid))
            .collect(Collectors.toUnmodifiableMap(IntrinsicFunction::name, Function.identity()));

    private FunctionTable() {
    }

    /** The function of that name, or null. */
    static IntrinsicFunction find(String name) {
        return FUNCTIONS.get(name);
    }
}
