package com.quanyu.eval.chatbot;

import com.quanyu.chatbot.nlu.SentenceEncoder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A sentence encoder that remembers every embedding in append-only files (text, then its floats),
 * so that repeated evaluation runs embed each data set once: the machine is shared and encoding 20k
 * texts takes minutes. Each run reads every {@code <dir>/<encoder>*.bin} and appends to its own
 * {@code <encoder>.<pid>.bin}, so runs in parallel never write the same file.
 */
public final class CachedSentenceEncoder implements SentenceEncoder, AutoCloseable {
    private final SentenceEncoder encoder;
    private final Map<String, float[]> cache = new HashMap<>();
    private final DataOutputStream out;
    private int computed;

    private CachedSentenceEncoder(SentenceEncoder encoder, Path dir) throws IOException {
        this.encoder = encoder;
        Files.createDirectories(dir);
        try (var files = Files.newDirectoryStream(dir, encoder.name() + "*.bin")) {
            for (Path file : files) {
                read(file);
            }
        }
        Path own = dir.resolve(encoder.name() + "." + ProcessHandle.current().pid() + ".bin");
        out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(own, StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
    }

    private void read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String text;
                try {
                    text = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                float[] vector = new float[in.readInt()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = in.readFloat();
                }
                cache.put(text, vector);
            }
        } catch (EOFException truncated) {
            // an interrupted (or still running) run leaves a partial last record: the texts read so far are good
        }
    }

    /** Wraps {@code encoder} with the cache files for its name under {@code dir}. */
    public static CachedSentenceEncoder of(SentenceEncoder encoder, Path dir) throws IOException {
        return new CachedSentenceEncoder(encoder, dir);
    }

    @Override
    public String name() {
        return encoder.name();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public synchronized float[] embed(String text) {
        float[] known = cache.get(text);
        if (known != null) {
            return known;
        }
        float[] vector = encoder.embed(text);
        cache.put(text, vector);
        try {
            out.writeUTF(text);
            out.writeInt(vector.length);
            for (float v : vector) {
                out.writeFloat(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (++computed % 1000 == 0) {
            System.err.printf("embedded %d new texts with %s (%d cached)%n", computed, encoder.name(), cache.size());
        }
        return vector;
    }

    /** Texts embedded by the encoder in this run (not found in the cache). */
    public int computed() {
        return computed;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
