package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jsonata-js 2.0.6's {@code $formatNumber(value, picture, options)} (XPath F&O format-number), ported
 * step by step from its source, quirks included: the mantissa is rounded half to even on its decimal
 * text ({@code $formatNumber(19.745, "0.00")} is {@code "19.74"}, the library's {@code "19.75"}), the
 * picture's errors are D3080–D3093 (the library failed with an internal error), {@code "#.#"} drops a
 * zero integer part, and an exponent picture keeps as many integer digits as its integer part has.
 */
final class FormatNumber {
    private static final NamedFunction FORMAT_NUMBER = new NamedFunction("formatNumber",
            JsonataBuiltins.signature("formatNumber"), (input, args) -> formatNumber(args));

    /** The most times the mantissa is scaled by ten: jsonata-js loops forever on 0 or a negative value. */
    private static final int MAX_SCALING = 2000;

    private FormatNumber() {
    }

    static void register(Jsonata expression) {
        expression.registerFunction("formatNumber", FORMAT_NUMBER);
    }

    private record Parts(String prefix, String suffix, String activePart, String mantissaPart, String exponentPart,
            String integerPart, String fractionalPart, String subpicture) {
    }

    private static final class Pic {
        List<Integer> integerPartGroupingPositions;
        int regularGrouping;
        int minimumIntegerPartSize;
        int scalingFactor;
        String prefix;
        List<Integer> fractionalPartGroupingPositions;
        int minimumFactionalPartSize;
        int maximumFactionalPartSize;
        int minimumExponentSize;
        String suffix;
        String picture;

        Pic copy() {
            Pic c = new Pic();
            c.integerPartGroupingPositions = integerPartGroupingPositions;
            c.regularGrouping = regularGrouping;
            c.minimumIntegerPartSize = minimumIntegerPartSize;
            c.scalingFactor = scalingFactor;
            c.prefix = prefix;
            c.fractionalPartGroupingPositions = fractionalPartGroupingPositions;
            c.minimumFactionalPartSize = minimumFactionalPartSize;
            c.maximumFactionalPartSize = maximumFactionalPartSize;
            c.minimumExponentSize = minimumExponentSize;
            c.suffix = suffix;
            c.picture = picture;
            return c;
        }
    }

    private static Object formatNumber(List<?> args) {
        if (args.isEmpty() || args.get(0) == null) {
            return null;
        }
        double value = ((Number) args.get(0)).doubleValue();
        String picture = (String) args.get(1);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("decimal-separator", ".");
        properties.put("grouping-separator", ",");
        properties.put("exponent-separator", "e");
        properties.put("infinity", "Infinity");
        properties.put("minus-sign", "-");
        properties.put("NaN", "NaN");
        properties.put("percent", "%");
        properties.put("per-mille", "\u2030");
        properties.put("zero-digit", "0");
        properties.put("digit", "#");
        properties.put("pattern-separator", ";");
        if (args.size() > 2 && args.get(2) instanceof Map<?, ?> options) {
            for (Map.Entry<?, ?> option : options.entrySet()) {
                properties.put(String.valueOf(option.getKey()), JsString.string(option.getValue(), false));
            }
        }
        return new FormatNumber.Run(properties).format(value, picture);
    }

    private static final class Run {
        final Map<String, String> properties;
        final List<String> decimalDigitFamily = new ArrayList<>();
        final List<String> activeChars = new ArrayList<>();

        Run(Map<String, String> properties) {
            this.properties = properties;
            char zero = p("zero-digit").charAt(0);
            for (int i = 0; i < 10; i++) {
                decimalDigitFamily.add(String.valueOf((char) (zero + i)));
            }
            activeChars.addAll(decimalDigitFamily);
            activeChars.addAll(List.of(p("decimal-separator"), p("exponent-separator"), p("grouping-separator"),
                    p("digit"), p("pattern-separator")));
        }

        String p(String name) {
            return properties.get(name);
        }

        boolean active(char c) {
            return activeChars.contains(String.valueOf(c));
        }

        boolean digitFamily(char c) {
            return decimalDigitFamily.contains(String.valueOf(c));
        }

        Parts splitParts(String subpicture) {
            String prefix = null;
            for (int i = 0; i < subpicture.length(); i++) {
                char ch = subpicture.charAt(i);
                if (active(ch) && !String.valueOf(ch).equals(p("exponent-separator"))) {
                    prefix = subpicture.substring(0, i);
                    break;
                }
            }
            String suffix = null;
            for (int i = subpicture.length() - 1; i >= 0; i--) {
                char ch = subpicture.charAt(i);
                if (active(ch) && !String.valueOf(ch).equals(p("exponent-separator"))) {
                    suffix = subpicture.substring(i + 1);
                    break;
                }
            }
            if (prefix == null || suffix == null) {
                // jsonata-js reads the length of its undefined prefix
                throw new JException("Cannot read properties of undefined (reading 'length')", -1);
            }
            String activePart = JsText.substring(subpicture, prefix.length(), subpicture.length() - suffix.length());
            String mantissaPart;
            String exponentPart;
            int exponentPosition = subpicture.indexOf(p("exponent-separator"), prefix.length());
            if (exponentPosition == -1 || exponentPosition > subpicture.length() - suffix.length()) {
                mantissaPart = activePart;
                exponentPart = null;
            } else {
                mantissaPart = JsText.substring(activePart, 0, exponentPosition);
                exponentPart = JsText.substring(activePart, exponentPosition + 1, activePart.length());
            }
            String integerPart;
            String fractionalPart;
            int decimalPosition = mantissaPart.indexOf(p("decimal-separator"));
            if (decimalPosition == -1) {
                integerPart = mantissaPart;
                fractionalPart = suffix;
            } else {
                integerPart = mantissaPart.substring(0, decimalPosition);
                fractionalPart = JsText.substring(mantissaPart, decimalPosition + 1, mantissaPart.length());
            }
            return new Parts(prefix, suffix, activePart, mantissaPart, exponentPart, integerPart, fractionalPart,
                    subpicture);
        }

        void validate(Parts parts) {
            String error = null;
            String subpicture = parts.subpicture();
            String percent = p("percent");
            String perMille = p("per-mille");
            String grouping = p("grouping-separator");
            int decimalPos = subpicture.indexOf(p("decimal-separator"));
            if (decimalPos != subpicture.lastIndexOf(p("decimal-separator"))) {
                error = "D3081";
            }
            if (subpicture.indexOf(percent) != subpicture.lastIndexOf(percent)) {
                error = "D3082";
            }
            if (subpicture.indexOf(perMille) != subpicture.lastIndexOf(perMille)) {
                error = "D3083";
            }
            if (subpicture.contains(percent) && subpicture.contains(perMille)) {
                error = "D3084";
            }
            boolean valid = false;
            for (char ch : parts.mantissaPart().toCharArray()) {
                if (digitFamily(ch) || String.valueOf(ch).equals(p("digit"))) {
                    valid = true;
                    break;
                }
            }
            if (!valid) {
                error = "D3085";
            }
            for (char ch : parts.activePart().toCharArray()) {
                if (!active(ch)) {
                    error = "D3086";
                }
            }
            if (decimalPos != -1) {
                if (JsText.charAt(subpicture, decimalPos - 1).equals(grouping) || JsText.charAt(subpicture, decimalPos + 1).equals(grouping)) {
                    error = "D3087";
                }
            } else if (JsText.charAt(parts.integerPart(), parts.integerPart().length() - 1).equals(grouping)) {
                error = "D3088";
            }
            if (subpicture.contains(grouping + grouping)) {
                error = "D3089";
            }
            int optionalDigitPos = parts.integerPart().indexOf(p("digit"));
            if (optionalDigitPos != -1 && countDigits(parts.integerPart().substring(0, optionalDigitPos), false) > 0) {
                error = "D3090";
            }
            optionalDigitPos = parts.fractionalPart().lastIndexOf(p("digit"));
            if (optionalDigitPos != -1 && countDigits(parts.fractionalPart().substring(optionalDigitPos), false) > 0) {
                error = "D3091";
            }
            boolean exponentExists = parts.exponentPart() != null;
            if (exponentExists && !parts.exponentPart().isEmpty()
                    && (subpicture.contains(percent) || subpicture.contains(perMille))) {
                error = "D3092";
            }
            if (exponentExists && (parts.exponentPart().isEmpty()
                    || countDigits(parts.exponentPart(), false) != parts.exponentPart().length())) {
                error = "D3093";
            }
            if (error != null) {
                throw new JException(error, -1);
            }
        }

        /** How many characters of {@code part} are decimal digits (or also optional digits). */
        int countDigits(String part, boolean orOptional) {
            int count = 0;
            for (char ch : part.toCharArray()) {
                if (digitFamily(ch) || (orOptional && String.valueOf(ch).equals(p("digit")))) {
                    count++;
                }
            }
            return count;
        }

        List<Integer> groupingPositions(String part, boolean toLeft, Parts parts) {
            List<Integer> positions = new ArrayList<>();
            String grouping = p("grouping-separator");
            int groupingPosition = part.indexOf(grouping);
            while (groupingPosition != -1) {
                String side = toLeft ? part.substring(0, groupingPosition) : part.substring(groupingPosition);
                positions.add(countDigits(side, true));
                // jsonata-js looks for the next one in the integer part, whichever part this is
                groupingPosition = parts.integerPart().indexOf(grouping, groupingPosition + 1);
            }
            return positions;
        }

        static int regular(List<Integer> indexes) {
            if (indexes.isEmpty()) {
                return 0;
            }
            int factor = indexes.get(0);
            for (int i = 1; i < indexes.size(); i++) {
                factor = gcd(factor, indexes.get(i));
            }
            for (int index = 1; index <= indexes.size(); index++) {
                if (!indexes.contains(index * factor)) {
                    return 0;
                }
            }
            return factor;
        }

        static int gcd(int a, int b) {
            return b == 0 ? a : gcd(b, a % b);
        }

        Pic analyse(Parts parts) {
            Pic pic = new Pic();
            pic.integerPartGroupingPositions = groupingPositions(parts.integerPart(), false, parts);
            pic.regularGrouping = regular(pic.integerPartGroupingPositions);
            pic.fractionalPartGroupingPositions = groupingPositions(parts.fractionalPart(), true, parts);
            int minimumIntegerPartSize = countDigits(parts.integerPart(), false);
            pic.scalingFactor = minimumIntegerPartSize;
            int minimumFactionalPartSize = countDigits(parts.fractionalPart(), false);
            int maximumFactionalPartSize = countDigits(parts.fractionalPart(), true);
            boolean exponentPresent = parts.exponentPart() != null;
            if (minimumIntegerPartSize == 0 && maximumFactionalPartSize == 0) {
                if (exponentPresent) {
                    minimumFactionalPartSize = 1;
                    maximumFactionalPartSize = 1;
                } else {
                    minimumIntegerPartSize = 1;
                }
            }
            if (exponentPresent && minimumIntegerPartSize == 0 && parts.integerPart().contains(p("digit"))) {
                minimumIntegerPartSize = 1;
            }
            if (minimumIntegerPartSize == 0 && minimumFactionalPartSize == 0) {
                minimumFactionalPartSize = 1;
            }
            pic.minimumExponentSize = exponentPresent ? countDigits(parts.exponentPart(), false) : 0;
            pic.minimumIntegerPartSize = minimumIntegerPartSize;
            pic.minimumFactionalPartSize = minimumFactionalPartSize;
            pic.maximumFactionalPartSize = maximumFactionalPartSize;
            pic.prefix = parts.prefix();
            pic.suffix = parts.suffix();
            pic.picture = parts.subpicture();
            return pic;
        }

        String format(double value, String picture) {
            List<String> subPictures = JsText.split(picture, p("pattern-separator"));
            if (subPictures.size() > 2) {
                throw new JException("D3080", -1);
            }
            List<Parts> parts = new ArrayList<>();
            for (String subpicture : subPictures) {
                parts.add(splitParts(subpicture));
            }
            parts.forEach(this::validate);
            List<Pic> variables = new ArrayList<>();
            for (Parts part : parts) {
                variables.add(analyse(part));
            }
            String minusSign = p("minus-sign");
            String zeroDigit = p("zero-digit");
            String decimalSeparator = p("decimal-separator");
            String groupingSeparator = p("grouping-separator");
            if (variables.size() == 1) {
                Pic negative = variables.get(0).copy();
                negative.prefix = minusSign + negative.prefix;
                variables.add(negative);
            }
            Pic pic = value >= 0 ? variables.get(0) : variables.get(1);
            double adjustedNumber;
            if (pic.picture.contains(p("percent"))) {
                adjustedNumber = value * 100;
            } else if (pic.picture.contains(p("per-mille"))) {
                adjustedNumber = value * 1000;
            } else {
                adjustedNumber = value;
            }
            double mantissa;
            Integer exponent = null;
            if (pic.minimumExponentSize == 0) {
                mantissa = adjustedNumber;
            } else {
                double maxMantissa = Math.pow(10, pic.scalingFactor);
                double minMantissa = Math.pow(10, pic.scalingFactor - 1);
                mantissa = adjustedNumber;
                int e = 0;
                int steps = 0;
                while (mantissa < minMantissa) {
                    mantissa *= 10;
                    e -= 1;
                    if (++steps > MAX_SCALING) {
                        throw new JException("Expression evaluation timeout: Check for infinite loop", -1);
                    }
                }
                while (mantissa > maxMantissa) {
                    mantissa /= 10;
                    e += 1;
                }
                exponent = e;
            }
            double roundedNumber = JsNumbers.round(mantissa, pic.maximumFactionalPartSize);
            String stringValue = makeString(roundedNumber, pic.maximumFactionalPartSize);
            int decimalPos = stringValue.indexOf('.');
            if (decimalPos == -1) {
                stringValue = stringValue + decimalSeparator;
            } else {
                stringValue = stringValue.replaceFirst("\\.", java.util.regex.Matcher.quoteReplacement(decimalSeparator));
            }
            while (JsText.charAt(stringValue, 0).equals(zeroDigit)) {
                stringValue = stringValue.substring(1);
            }
            while (JsText.charAt(stringValue, stringValue.length() - 1).equals(zeroDigit)) {
                stringValue = stringValue.substring(0, stringValue.length() - 1);
            }
            decimalPos = stringValue.indexOf(decimalSeparator);
            int padLeft = pic.minimumIntegerPartSize - decimalPos;
            int padRight = pic.minimumFactionalPartSize - (stringValue.length() - decimalPos - 1);
            stringValue = (padLeft > 0 ? zeroDigit.repeat(padLeft) : "") + stringValue;
            stringValue = stringValue + (padRight > 0 ? zeroDigit.repeat(padRight) : "");
            decimalPos = stringValue.indexOf(decimalSeparator);
            if (pic.regularGrouping > 0) {
                int groupCount = Math.floorDiv(decimalPos - 1, pic.regularGrouping);
                for (int group = 1; group <= groupCount; group++) {
                    int at = decimalPos - group * pic.regularGrouping;
                    stringValue = JsText.slice(stringValue, 0, at) + groupingSeparator + JsText.slice(stringValue, at, stringValue.length());
                }
            } else {
                for (int pos : pic.integerPartGroupingPositions) {
                    int at = decimalPos - pos;
                    stringValue = JsText.slice(stringValue, 0, at) + groupingSeparator + JsText.slice(stringValue, at, stringValue.length());
                    decimalPos++;
                }
            }
            decimalPos = stringValue.indexOf(decimalSeparator);
            for (int pos : pic.fractionalPartGroupingPositions) {
                int at = pos + decimalPos + 1;
                stringValue = JsText.slice(stringValue, 0, at) + groupingSeparator + JsText.slice(stringValue, at, stringValue.length());
            }
            decimalPos = stringValue.indexOf(decimalSeparator);
            if (!pic.picture.contains(decimalSeparator) || decimalPos == stringValue.length() - 1) {
                stringValue = JsText.substring(stringValue, 0, stringValue.length() - 1);
            }
            if (exponent != null) {
                String stringExponent = makeString(exponent, 0);
                padLeft = pic.minimumExponentSize - stringExponent.length();
                if (padLeft > 0) {
                    stringExponent = zeroDigit.repeat(padLeft) + stringExponent;
                }
                stringValue = stringValue + p("exponent-separator") + (exponent < 0 ? minusSign : "") + stringExponent;
            }
            return pic.prefix + stringValue + pic.suffix;
        }

        String makeString(double value, int dp) {
            String str = JsNumbers.toFixed(Math.abs(value), dp);
            if (!p("zero-digit").equals("0")) {
                StringBuilder out = new StringBuilder();
                for (char digit : str.toCharArray()) {
                    out.append(digit >= '0' && digit <= '9' ? decimalDigitFamily.get(digit - '0') : String.valueOf(digit));
                }
                str = out.toString();
            }
            return str;
        }
    }
}
