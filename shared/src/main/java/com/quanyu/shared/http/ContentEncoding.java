package com.quanyu.shared.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes an HTTP {@code content-encoding} as SDKs send it (RudderStack's Node SDK gzips every
 * batch by default), with a cap on the inflated size so that a small bomb cannot exhaust memory.
 */
final class ContentEncoding {
    private ContentEncoding() {}

    static byte[] decode(String contentEncoding, byte[] body, int maxBytes) {
        String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity") || body.length == 0) {
            return body;
        }
        try {
            return switch (encoding) {
                case "gzip", "x-gzip" -> readCapped(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes);
                // RFC 9110 says zlib-wrapped; some clients send raw DEFLATE, so accept both.
                case "deflate" ->
                    isZlib(body)
                            ? readCapped(new InflaterInputStream(new ByteArrayInputStream(body)), maxBytes)
                            : readCapped(
                                    new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)),
                                    maxBytes);
                default ->
                    throw new ApiException(
                            415,
                            "unsupported_encoding",
                            "content-encoding '" + clip(encoding)
                                    + "' is not supported; send gzip, deflate or identity");
            };
        } catch (IOException e) {
            throw new ApiException(400, "malformed_body", "the body is not valid " + encoding + " data");
        }
    }

    private static boolean isZlib(byte[] body) {
        return body.length >= 2 && (body[0] & 0x0f) == 8 && ((body[0] & 0xff) << 8 | (body[1] & 0xff)) % 31 == 0;
    }

    private static byte[] readCapped(InputStream in, int maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > maxBytes) {
                    throw ApiException.tooLarge("the decoded body is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
