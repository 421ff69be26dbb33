package com.quanyu.shared.ml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.tribuo.Model;

/**
 * Tribuo models to and from registry artifacts. Uses Tribuo's protobuf format, not Java
 * serialisation: loading a model never runs arbitrary class deserialisation.
 */
public final class TribuoModels {
    private TribuoModels() {}

    public static byte[] toBytes(Model<?> model) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.serializeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Model<?> fromBytes(byte[] artifact) {
        try {
            return Model.deserializeFromStream(new ByteArrayInputStream(artifact));
        } catch (IOException e) {
            throw new UncheckedIOException("not a Tribuo model artifact", e);
        }
    }

    /** Tribuo's provenance of a model as text, for the registry metadata. */
    public static String provenance(Model<?> model) {
        return model.getProvenance().toString();
    }
}
