package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/** States.Base64Encode, Base64Decode, Hash. */
final class EncodingFunctions {
    /** The longest string these functions accept. */
    static final int MAX_LENGTH = 10_000;
    private static final Set<String> ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private EncodingFunctions() {
    }

    static JsonNode base64Encode(Args args) {
        byte[] bytes = limited(args, args.string(0)).getBytes(StandardCharsets.UTF_8);
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }

    static JsonNode base64Decode(Args args) {
        try {
            byte[] bytes = Base64.getDecoder().decode(limited(args, args.string(0)));
            return Json.NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw args.invalid();
        }
    }

    /** Lowercase hex digest; data that is not a string is hashed as its JSON text. */
    static JsonNode hash(Args args) {
        JsonNode data = args.value(0);
        String text = limited(args, data.isTextual() ? data.textValue() : Json.compact(data));
        String algorithm = args.string(1);
        if (!ALGORITHMS.contains(algorithm)) {
            throw args.invalid();
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String limited(Args args, String text) {
        if (text.length() > MAX_LENGTH) {
            throw args.invalid();
        }
        return text;
    }
}
