package com.quanyu.infra.local;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one in-memory local runtime (stand-ins, every function, the gateway on a free port) per
 * test JVM for the reliability suite's classes and injects it; stopped when the run ends.
 */
final class LocalRuntimeExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalRuntimeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("runtime", key -> new Running(start()), Running.class)
                .runtime();
    }

    private static LocalRuntime start() {
        try {
            return LocalRuntime.start(new RuntimeOptions(0, Optional.empty(), false, false), List.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Closed by JUnit when the root context (the whole test run) ends. */
    private record Running(LocalRuntime runtime) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            runtime.close();
        }
    }
}
