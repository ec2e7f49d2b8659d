package dev.sfnrun.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * maxResults and nextToken: a page of a list, and the token of the next page (opaque to
 * clients: the operation and the offset, base64), or InvalidToken for one this server did not hand out.
 */
final class Paging {
    static final int DEFAULT_PAGE = 100;

    private Paging() {
    }

    static <T> void page(ApiRequest request, List<T> items, String member, ObjectNode output, Function<T, ObjectNode> shape) {
        int size = request.integer("maxResults", 0);
        if (size == 0) {
            size = DEFAULT_PAGE;
        }
        int from = offset(request);
        ArrayNode array = output.putArray(member);
        int to = Math.min(items.size(), from + size);
        for (int i = from; i < to; i++) {
            array.add(shape.apply(items.get(i)));
        }
        if (to < items.size()) {
            output.put("nextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (request.operation() + ":" + to).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static int offset(ApiRequest request) {
        String token = request.text("nextToken");
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String prefix = request.operation() + ":";
            if (text.startsWith(prefix)) {
                int offset = Integer.parseInt(text.substring(prefix.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // not ours
        }
        throw ApiErrors.invalidToken("Invalid token");
    }
}
