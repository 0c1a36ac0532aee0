package io.renlayer.proxy.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the {@code data} of each server-sent event in a byte stream that arrives in arbitrary
 * chunks. Holds back at most one event: bytes of a complete event are returned as soon as its
 * blank line arrives, so a stream stays a stream. Other fields ({@code event:}, {@code id:},
 * {@code retry:}) and comments pass through unchanged; line ends come out as {@code \n}. When the
 * rewrite returns null, the event is dropped whole.
 */
public final class SseEventRewriter {

    private static final Pattern JSON_TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");

    private final UnaryOperator<String> rewriteData;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final List<String> otherFields = new ArrayList<>(2);
    private StringBuilder data;
    private int otherFieldsLength;
    private boolean lastWasCr;

    public SseEventRewriter(UnaryOperator<String> rewriteData) {
        this.rewriteData = rewriteData;
    }

    /** The bytes of the events this chunk completed, rewritten; empty when none completed. */
    public byte[] feed(ByteBuffer chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (chunk.hasRemaining()) {
            byte b = chunk.get();
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine(out);
            } else {
                line.write(b);
            }
        }
        return out.toByteArray();
    }

    /**
     * How much of an unfinished event is held, in bytes or characters: what a caller bounds, so
     * an upstream that never ends its line or its event cannot fill the heap.
     */
    public long held() {
        return line.size() + (data == null ? 0 : data.length()) + otherFieldsLength;
    }

    /** What is left when the stream ends: an event without its closing blank line. */
    public byte[] finish() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (line.size() > 0) {
            endLine(out);
        }
        if (data != null || !otherFields.isEmpty()) {
            endLine(out);
        }
        return out.toByteArray();
    }

    private static void appendData(StringBuilder event, String message) {
        for (String dataLine : message.split("\n", -1)) {
            event.append("data: ").append(dataLine).append('\n');
        }
    }

    private void endLine(ByteArrayOutputStream out) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!text.isEmpty()) {
            if (text.startsWith("data:")) {
                String value = text.startsWith("data: ") ? text.substring(6) : text.substring(5);
                data = data == null
                        ? new StringBuilder(value)
                        : data.append('\n').append(value);
            } else {
                otherFields.add(text);
                otherFieldsLength += text.length();
            }
            return;
        }
        String rewritten = data == null ? null : rewriteData.apply(data.toString());
        if (data != null && rewritten == null) { // dropped, with its other fields
            otherFields.clear();
            otherFieldsLength = 0;
            data = null;
            return;
        }
        StringBuilder event = new StringBuilder();
        if (rewritten != null) {
            // A rewrite may answer several messages (ResponseRewriter.NEXT_MESSAGE): all but the
            // last become events of their own, named by their JSON type when the stream names events.
            String[] messages = rewritten.split("\n\n", -1);
            boolean named = otherFields.stream().anyMatch(f -> f.startsWith("event:"));
            for (int i = 0; i < messages.length - 1; i++) {
                Matcher type = JSON_TYPE.matcher(messages[i]);
                if (named && type.find()) {
                    event.append("event: ").append(type.group(1)).append('\n');
                }
                appendData(event, messages[i]);
                event.append('\n');
            }
            otherFields.forEach(field -> event.append(field).append('\n'));
            appendData(event, messages[messages.length - 1]);
        } else {
            otherFields.forEach(field -> event.append(field).append('\n'));
        }
        event.append('\n');
        out.writeBytes(event.toString().getBytes(StandardCharsets.UTF_8));
        otherFields.clear();
        otherFieldsLength = 0;
        data = null;
    }
}
