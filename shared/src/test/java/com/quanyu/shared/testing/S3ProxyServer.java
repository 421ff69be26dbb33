package com.quanyu.shared.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The S3 stand-in: S3Proxy inside this JVM on a loopback port, over an in-memory blob store or a
 * folder on disk. It speaks the S3 REST API, so the real SDK client is what gets tested.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final int port;

    private S3ProxyServer(S3Proxy proxy, BlobStoreContext context, int port) {
        this.proxy = proxy;
        this.context = context;
        this.port = port;
    }

    /** Starts S3Proxy on a free port; {@code dataDir} empty keeps objects in memory. */
    public static S3ProxyServer start(Optional<Path> dataDir) {
        Properties properties = new Properties();
        String provider = dataDir.isPresent() ? "filesystem-nio2" : "transient-nio2";
        dataDir.ifPresent(dir -> {
            dir.toFile().mkdirs();
            properties.setProperty(
                    "jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
        });
        BlobStoreContext context = ContextBuilder.newBuilder(provider)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(properties)
                .build(BlobStoreContext.class);
        int port = FreePort.pick();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
                if (AbstractLifeCycle.FAILED.equals(proxy.getState())) {
                    throw new IllegalStateException("S3Proxy failed to start");
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
        return new S3ProxyServer(proxy, context, port);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // shutting down: nothing to recover
        } finally {
            context.close();
        }
    }
}
