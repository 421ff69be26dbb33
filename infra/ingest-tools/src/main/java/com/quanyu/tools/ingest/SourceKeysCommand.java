package com.quanyu.tools.ingest;

import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.Source;

/**
 * Creates a source and prints its write key (shown once; only its hash is stored).
 *
 * <pre>
 * SOURCES_TABLE=quanyu-dev-sources java ... com.quanyu.tools.ingest.SourceKeysCommand --name "Web shop" --channel web
 * </pre>
 * Options: {@code --name}, {@code --channel} (web, app, wechat, store, ...), {@code --key} to register a
 * chosen key (local demo seeding). AWS endpoints and credentials come from the usual environment.
 */
public final class SourceKeysCommand {
    private SourceKeysCommand() {}

    public static void main(String[] args) {
        Args options = Args.parse(args);
        String name = options.required("name");
        String channel = options.required("channel");
        if (!Source.isChannelName(channel)) {
            throw new IllegalArgumentException(
                    "--channel must be a short lower-case name such as web, app, wechat, store");
        }
        Env env = Env.system();
        SourceRegistry registry = new SourceRegistry(AwsClients.dynamoDb(env), env.required("SOURCES_TABLE"));
        SourceRegistry.IssuedKey key = options.optional("key")
                .map(k -> registry.register(name, channel, k))
                .orElseGet(() -> registry.register(name, channel));
        System.out.println(
                "source    " + key.source().sourceId() + " (" + key.source().channel() + ")");
        System.out.println("write key " + key.writeKey());
        System.out.println("Keep the key secret; it cannot be shown again.");
    }
}
