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
    /** One execution environment: the built handler, or why it could not be built. */
    private record Instance(RequestHandler<Object, Object> handler, Class<?> inputType, String initError) {}

    private final SamFunction definition;
    private final Env env;
    private volatile Instance instance;

    private LocalFunction(SamFunction definition, Env env) {
        this.definition = definition;
        this.env = env;
        this.instance = build(definition, env);
    }

    /**
     * Builds the function's handler. One that cannot be built (as Lambda would report an init
     * error) is kept and answers every invocation with that error, so the rest of the stack runs.
     */
    static LocalFunction of(SamFunction definition, Env env) {
        return new LocalFunction(definition, env);
    }

    /** A new execution environment, as after a deployment: init runs again (e.g. loads new models). */
    void restart() {
        instance = build(definition, env);
    }

    /** The init error, if the handler could not be built. */
    java.util.Optional<String> initError() {
        return java.util.Optional.ofNullable(instance.initError());
    }

    @SuppressWarnings("unchecked")
    private static Instance build(SamFunction definition, Env env) {
        try {
            Class<?> type = Class.forName(definition.handlerClass());
            Object handler = type.getConstructor(Env.class).newInstance(env);
            if (!(handler instanceof RequestHandler<?, ?>)) {
                return new Instance(
                        null, Object.class, definition.handlerClass() + " does not implement RequestHandler");
            }
            return new Instance((RequestHandler<Object, Object>) handler, inputType(type), null);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            return new Instance(
                    null,
                    Object.class,
                    "cannot build handler " + definition.handler()
                            + " (it needs a public constructor taking com.quanyu.shared.config.Env): " + e);
        } catch (InvocationTargetException e) {
            return new Instance(
                    null, Object.class, "handler " + definition.handler() + " failed to initialise: " + e.getCause());
        }
    }

    SamFunction definition() {
        return definition;
    }

    String name() {
        return definition.logicalId();
    }

    Class<?> inputType() {
        return instance.inputType();
    }

    /** Invokes the handler like Lambda would: one call at a time per environment is not enforced locally. */
    Object invoke(Object event) {
        Instance current = instance;
        if (current.handler() == null) {
            throw new IllegalStateException(
                    "function " + definition.logicalId() + " failed to initialise: " + current.initError());
        }
        Context context = new LocalContext(definition.logicalId(), definition.memoryMb(), definition.timeoutSeconds());
        return current.handler().handleRequest(event, context);
    }

    /**
     * The {@code I} of {@code RequestHandler<I, O>}, found on the class, its superclasses or the
     * interfaces they extend (an API handler implements it through {@code HttpApiHandler}).
     */
    static Class<?> inputType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Class<?> input = inputType(c.getGenericInterfaces());
            if (input != Object.class) {
                return input;
            }
        }
        return Object.class;
    }

    private static Class<?> inputType(Type[] interfaces) {
        for (Type candidate : interfaces) {
            if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                Type input = p.getActualTypeArguments()[0];
                if (input instanceof Class<?> k) {
                    return k;
                }
                if (input instanceof ParameterizedType pk) {
                    return (Class<?>) pk.getRawType();
                }
            }
            Type raw = candidate instanceof ParameterizedType p ? p.getRawType() : candidate;
            if (raw instanceof Class<?> extended) {
                Class<?> input = inputType(extended.getGenericInterfaces());
                if (input != Object.class) {
                    return input;
                }
            }
        }
        return Object.class;
    }
}
