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
        page(request, items, member, output, shape, null);
    }

    /**
     * As {@link #page(ApiRequest, List, String, ObjectNode, Function)}, for a list that grows at its
     * start (executions, newest first): the token also names the last item given by {@code key}, and
     * the next page begins after wherever that item is now, so no item comes twice or is skipped when
     * others are added meanwhile.
     */
    static <T> void page(ApiRequest request, List<T> items, String member, ObjectNode output, Function<T, ObjectNode> shape,
                         Function<T, String> key) {
        int size = request.integer("maxResults", 0);
        if (size == 0) {
            size = DEFAULT_PAGE;
        }
        int from = from(request, items, key);
        ArrayNode array = output.putArray(member);
        int to = Math.min(items.size(), from + size);
        for (int i = from; i < to; i++) {
            array.add(shape.apply(items.get(i)));
        }
        if (to < items.size()) {
            String after = key == null || to == 0 ? "" : ":" + key.apply(items.get(to - 1));
            output.put("nextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (request.operation() + ":" + to + after).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static <T> int from(ApiRequest request, List<T> items, Function<T, String> key) {
        String token = request.text("nextToken");
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String prefix = request.operation() + ":";
            if (text.startsWith(prefix)) {
                String rest = text.substring(prefix.length());
                int colon = rest.indexOf(':');
                int offset = Integer.parseInt(colon < 0 ? rest : rest.substring(0, colon));
                if (offset >= 0) {
                    if (key != null && colon >= 0) {
                        String last = rest.substring(colon + 1);
                        for (int i = 0; i < items.size(); i++) {
                            if (key.apply(items.get(i)).equals(last)) {
                                return i + 1;
                            }
                        }
                    }
                    return offset; // the last item is gone (or the list keeps its order): where it was
                }
            }
        } catch (IllegalArgumentException e) {
            // not ours
        }
        throw ApiErrors.invalidToken("Invalid token");
    }
}
