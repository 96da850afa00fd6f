package org.twinflow.web.hostile;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.twinflow.web.PortalClient.Multipart;

/**
 * The fields of a form as a browser sends them, in order, to be sent as {@code multipart/form-data} or
 * {@code application/x-www-form-urlencoded}. Values are bytes, so that text that is not UTF-8 can be sent too.
 */
final class FormBody {

    private record Field(String name, byte[] value, String fileName, String contentType) {
    }

    private final List<Field> fields = new ArrayList<>();

    /** Sets the field's value: replaces the first field of this name, or adds it. */
    FormBody set(String name, String value) {
        return setBytes(name, value.getBytes(StandardCharsets.UTF_8));
    }

    FormBody setBytes(String name, byte[] value) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name) && fields.get(i).fileName() == null) {
                fields.set(i, new Field(name, value, null, null));
                return this;
            }
        }
        fields.add(new Field(name, value, null, null));
        return this;
    }

    /** Adds one more value (a checkbox of several). */
    FormBody add(String name, String value) {
        fields.add(new Field(name, value.getBytes(StandardCharsets.UTF_8), null, null));
        return this;
    }

    /** Leaves out every field of this name. */
    FormBody remove(String name) {
        fields.removeIf(field -> field.name().equals(name));
        return this;
    }

    FormBody file(String name, String fileName, String contentType, byte[] content) {
        fields.add(new Field(name, content, fileName, contentType));
        return this;
    }

    /** The first value of the field, as text. */
    String value(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().map(f -> new String(f.value(), StandardCharsets.UTF_8))
                .orElse(null);
    }

    Multipart multipart() {
        Multipart multipart = new Multipart();
        for (Field field : fields) {
            if (field.fileName() == null) {
                multipart.rawField(field.name(), field.value());
            } else {
                multipart.file(field.name(), field.fileName(), field.contentType(), field.value());
            }
        }
        return multipart;
    }

    /** URL-encoded; bytes that are not UTF-8 are percent-encoded as they are. */
    byte[] urlEncoded() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Field field : fields) {
            if (body.size() > 0) {
                body.write('&');
            }
            body.writeBytes(URLEncoder.encode(field.name(), StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII));
            body.write('=');
            body.writeBytes(percentEncoded(field.value()));
        }
        return body.toByteArray();
    }

    private static byte[] percentEncoded(byte[] value) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        for (byte b : value) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.*".indexOf(c) >= 0;
            if (unreserved) {
                encoded.write(c);
            } else {
                encoded.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return encoded.toByteArray();
    }
}
