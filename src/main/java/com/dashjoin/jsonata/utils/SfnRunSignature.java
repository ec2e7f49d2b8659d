package com.dashjoin.jsonata.utils;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function signature checked as jsonata-js 2.0.6 checks it, where the library's
 * {@link Signature} (com.dashjoin:jsonata, the version pinned in pom.xml) does not: JSON null is
 * its own type, {@code l}, not a missing argument ({@code $uppercase(null)} is T0410, it reached the
 * function and failed there); a T0410 names the first argument that does not fit (the library
 * matched each prefix of the signature against all the arguments, so it always said "Argument 1");
 * and a T0412 keeps the argument's number. sfn-run runs on the class path, where this class shares
 * the library's package to override those two package-private steps.
 */
public final class SfnRunSignature extends Signature {
    /** T0412 with what its message shows: the argument's number and the letter of the item type. */
    public static final class ArrayArgumentError extends JException {
        private final int index;
        private final String itemType;

        ArrayArgumentError(int index, String itemType) {
            super("T0412", -1);
            this.index = index;
            this.itemType = itemType;
        }

        public int index() {
            return index;
        }

        public String itemType() {
            return itemType;
        }
    }

    public SfnRunSignature(String signature, String function) {
        super(signature, function);
    }

    @Override
    String getSymbol(Object value) {
        return value == Jsonata.NULL_VALUE ? "l" : super.getSymbol(value);
    }

    @Override
    void throwValidationError(List<?> badArgs, String badSig, String functionName) {
        StringBuilder partialPattern = new StringBuilder("^");
        int goodTo = 0;
        for (Param param : _params) {
            partialPattern.append(param.regex);
            Matcher match = Pattern.compile(partialPattern.toString()).matcher(badSig);
            if (!match.lookingAt()) {
                break;
            }
            goodTo = match.end();
        }
        throw new JException("T0410", -1, goodTo + 1, functionName);
    }

    @Override
    public Object validate(Object args, Object context) {
        try {
            return super.validate(args, context);
        } catch (JException e) {
            if (!"T0412".equals(e.getError())) {
                throw e;
            }
            List<?> list = (List<?>) args;
            int index = 0;
            while (index < list.size() && list.get(index) != e.getCurrent()) {
                index++;
            }
            throw new ArrayArgumentError(index < list.size() ? index + 1 : 1, String.valueOf(e.getExpected()));
        }
    }
}
