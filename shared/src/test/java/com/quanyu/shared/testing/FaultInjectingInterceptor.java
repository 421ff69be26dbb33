package com.quanyu.shared.testing;

import java.net.SocketTimeoutException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An AWS SDK v2 {@link ExecutionInterceptor} that makes a share of the calls of a DynamoDB or S3
 * client fail the way AWS does: throttled, timed out, failed, or with the response lost after the
 * request took effect. It acts per attempt, so the SDK's own retries see the faults too, exactly as
 * in AWS. Deterministic for a seed; counts calls and injected faults for the test's figures.
 *
 * <pre>{@code
 * FaultInjectingInterceptor faults = FaultInjectingInterceptor.builder().share(0.1).seed(7).build();
 * DynamoDbClient dynamo = AwsClients.dynamoDb(env, List.of(faults));
 * faults.arm();   // mid-batch: start failing now
 * }</pre>
 */
public final class FaultInjectingInterceptor implements ExecutionInterceptor {
    /** How an attempt fails. */
    public enum Fault {
        /** HTTP 400 {@code ThrottlingException} before the request reaches the service (retryable). */
        THROTTLE,
        /** A socket read timeout before the request reaches the service (retryable). */
        TIMEOUT,
        /** HTTP 500 {@code InternalFailure} before the request reaches the service (retryable). */
        FAIL,
        /** The request took effect but its response is lost: the caller sees a timeout. */
        LOST_RESPONSE
    }

    private static final ExecutionAttribute<String> DRAWN = new ExecutionAttribute<>("QuanyuInjectedFault");
    private static final String NONE = "";

    private final double share;
    private final List<Fault> faults;
    private final Set<String> operations;
    private final Random random;
    private volatile boolean armed;
    private final AtomicLong calls = new AtomicLong();
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);

    private FaultInjectingInterceptor(Builder b) {
        this.share = b.share;
        this.faults = List.copyOf(b.faults);
        this.operations = Set.copyOf(b.operations);
        this.random = new Random(b.seed);
        this.armed = b.armed;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicLong());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts injecting faults. */
    public void arm() {
        armed = true;
    }

    /** Stops injecting faults (the clients then behave normally). */
    public void disarm() {
        armed = false;
    }

    /** Attempts seen (armed or not). */
    public long calls() {
        return calls.get();
    }

    /** Faults injected so far, all kinds. */
    public long injected() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long injected(Fault fault) {
        return injected.get(fault).get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        calls.incrementAndGet();
        Fault fault = draw(attributes);
        attributes.putAttribute(DRAWN, fault == null ? NONE : fault.name());
        if (fault == null || fault == Fault.LOST_RESPONSE) {
            return;
        }
        injected.get(fault).incrementAndGet();
        throw switch (fault) {
            case THROTTLE -> serviceError(attributes, 400, "ThrottlingException", "injected fault: rate exceeded");
            case FAIL -> serviceError(attributes, 500, "InternalFailure", "injected fault: internal failure");
            default ->
                SdkClientException.create(
                        "injected fault: read timed out", new SocketTimeoutException("injected read timeout"));
        };
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (Fault.LOST_RESPONSE.name().equals(attributes.getAttribute(DRAWN))) {
            injected.get(Fault.LOST_RESPONSE).incrementAndGet();
            throw SdkClientException.create(
                    "injected fault: response lost after the request took effect",
                    new SocketTimeoutException("injected read timeout after send"));
        }
    }

    /** The fault for this attempt, or null; drawn once per attempt, before transmission. */
    private Fault draw(ExecutionAttributes attributes) {
        if (!armed || faults.isEmpty()) {
            return null;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!operations.isEmpty() && !operations.contains(operation)) {
            return null;
        }
        synchronized (random) {
            return random.nextDouble() < share ? faults.get(random.nextInt(faults.size())) : null;
        }
    }

    private static AwsServiceException serviceError(
            ExecutionAttributes attributes, int status, String code, String message) {
        return AwsServiceException.builder()
                .statusCode(status)
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                        .build())
                .build();
    }

    /** Builder: share of attempts to fail (0..1), the kinds drawn from, operations (empty: all), seed. */
    public static final class Builder {
        private double share = 0.1;
        private Set<Fault> faults = EnumSet.allOf(Fault.class);
        private Set<String> operations = Set.of();
        private long seed = 1;
        private boolean armed;

        private Builder() {}

        public Builder share(double share) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("share must be within 0..1");
            }
            this.share = share;
            return this;
        }

        public Builder faults(Fault first, Fault... more) {
            this.faults = EnumSet.of(first, more);
            return this;
        }

        /** Only these operations (SDK names such as {@code PutItem}, {@code UpdateItem}, {@code PutObject}). */
        public Builder operations(String... names) {
            this.operations = Set.of(names);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Inject from the first call on, instead of after {@link #arm()}. */
        public Builder armed(boolean armed) {
            this.armed = armed;
            return this;
        }

        public FaultInjectingInterceptor build() {
            return new FaultInjectingInterceptor(this);
        }
    }
}
