package com.quanyu.infra.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.testing.SamFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * One function of template.yaml, instantiated once like a warm Lambda execution environment: its
 * real handler class, built with the environment the template gives it, pointed at the stand-ins.
 */
final class LocalFunction {
    private final SamFunction definition;
    private final RequestHandler<Object, Object> handler;
    private final Class<?> inputType;
    private final String initError;

    private LocalFunction(SamFunction definition, RequestHandler<Object, Object> handler, Class<?> inputType, String initError) {
        this.definition = definition;
        this.handler = handler;
        this.inputType = inputType;
        this.initError = initError;
    }

    /**
     * Like {@link #create}, but a function whose handler cannot be built (as Lambda would report an
     * init error) is kept and answers every invocation with that error, so the rest still runs.
     */
    static LocalFunction createOrBroken(SamFunction definition, Env env) {
        try {
            return create(definition, env);
        } catch (RuntimeException e) {
            return new LocalFunction(definition, null, Object.class, e.getMessage());
        }
    }

    /** The init error, if the handler could not be built. */
    java.util.Optional<String> initError() {
        return java.util.Optional.ofNullable(initError);
    }

    @SuppressWarnings("unchecked")
    static LocalFunction create(SamFunction definition, Env env) {
        try {
            Class<?> type = Class.forName(definition.handlerClass());
            Object instance = type.getConstructor(Env.class).newInstance(env);
            if (!(instance instanceof RequestHandler<?, ?> handler)) {
                throw new IllegalStateException(definition.handlerClass() + " does not implement RequestHandler");
            }
            return new LocalFunction(definition, (RequestHandler<Object, Object>) handler, inputType(type), null);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build handler " + definition.handler()
                    + " (it needs a public constructor taking com.quanyu.shared.config.Env)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("handler " + definition.handler() + " failed to initialise: " + e.getCause(), e.getCause());
        }
    }

    SamFunction definition() {
        return definition;
    }

    String name() {
        return definition.logicalId();
    }

    Class<?> inputType() {
        return inputType;
    }

    /** Invokes the handler like Lambda would: one call at a time per environment is not enforced locally. */
    Object invoke(Object event) {
        if (handler == null) {
            throw new IllegalStateException("function " + definition.logicalId() + " failed to initialise: " + initError);
        }
        Context context = new LocalContext(definition.logicalId(), definition.memoryMb(), definition.timeoutSeconds());
        return handler.handleRequest(event, context);
    }

    /** The {@code I} of {@code RequestHandler<I, O>}, found on the class or its superclasses. */
    static Class<?> inputType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    if (input instanceof Class<?> k) {
                        return k;
                    }
                    if (input instanceof ParameterizedType pk) {
                        return (Class<?>) pk.getRawType();
                    }
                }
            }
        }
        return Object.class;
    }
}
