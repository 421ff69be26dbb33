package com.quanyu.shared.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts the stand-ins once per test JVM (on free ports, in memory,
 * provisioned from template.yaml) and injects {@link StandIns} into test constructors and methods.
 * They are stopped when the JVM's tests are done.
 *
 * <pre>{@code
 * @ExtendWith(AwsStandInsExtension.class)
 * class ProfileStoreIT {
 *     ProfileStoreIT(StandIns aws) { store = new ProfileStore(aws.envFor("IngestFunction")); }
 * }
 * }</pre>
 */
public final class AwsStandInsExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AwsStandInsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StandIns.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("stand-ins", key -> new Running(StandIns.start(Optional.empty())), Running.class)
                .standIns();
    }

    /** Closed by JUnit when the root context (the whole test run) ends. */
    private record Running(StandIns standIns) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            standIns.close();
        }
    }
}
