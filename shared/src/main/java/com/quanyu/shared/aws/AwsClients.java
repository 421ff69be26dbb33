package com.quanyu.shared.aws;

import com.quanyu.shared.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the AWS clients every function uses, from its {@link Env}.
 *
 * <p>One lightweight HTTP client (URLConnection) keeps cold starts and artifacts small. When
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_S3} or
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} is set (local stand-ins), the
 * client targets that endpoint with path-style S3 and fixed local credentials.
 */
public final class AwsClients {
    public static final String DYNAMODB_ENDPOINT = "AWS_ENDPOINT_URL_DYNAMODB";
    public static final String S3_ENDPOINT = "AWS_ENDPOINT_URL_S3";
    public static final String SECRETS_MANAGER_ENDPOINT = "AWS_ENDPOINT_URL_SECRETS_MANAGER";

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(Env env) {
        return dynamoDb(env, List.of());
    }

    /** With execution interceptors (tests inject faults through one); the rest as {@link #dynamoDb(Env)}. */
    public static DynamoDbClient dynamoDb(Env env, List<ExecutionInterceptor> interceptors) {
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient())
                .region(region(env))
                .overrideConfiguration(overrides(interceptors));
        Optional<URI> endpoint = env.optional(DYNAMODB_ENDPOINT).map(URI::create);
        endpoint.ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials(env, endpoint.isPresent()));
        return builder.build();
    }

    public static S3Client s3(Env env) {
        return s3(env, List.of());
    }

    /** With execution interceptors (tests inject faults through one); the rest as {@link #s3(Env)}. */
    public static S3Client s3(Env env, List<ExecutionInterceptor> interceptors) {
        var builder = S3Client.builder()
                .httpClient(httpClient())
                .region(region(env))
                .overrideConfiguration(overrides(interceptors));
        Optional<URI> endpoint = env.optional(S3_ENDPOINT).map(URI::create);
        // S3-compatible stand-ins do not all understand the SDK's default streaming checksums.
        endpoint.ifPresent(uri -> builder.endpointOverride(uri)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        builder.credentialsProvider(credentials(env, endpoint.isPresent()));
        return builder.build();
    }

    /** Secrets Manager, read at run time ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER} points it at the local stand-in). */
    public static SecretsManagerClient secretsManager(Env env) {
        return client(SecretsManagerClient.builder(), env, SECRETS_MANAGER_ENDPOINT);
    }

    /** Athena for the lake's SQL layer in AWS (there is no local stand-in: locally the layer runs on DuckDB). */
    public static AthenaClient athena(Env env) {
        return AthenaClient.builder()
                .httpClient(httpClient())
                .region(region(env))
                .overrideConfiguration(overrides(List.of()))
                .credentialsProvider(credentials(env, false))
                .build();
    }

    /**
     * Any other service's sync client configured like these (one HTTP client, timeouts, region):
     * {@code endpointVariable} (e.g. {@code AWS_ENDPOINT_URL_SESV2}) points it at a local stand-in.
     */
    public static <
                    B extends
                            software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
                                    & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>,
                    C>
            C client(B builder, Env env, String endpointVariable) {
        builder.httpClient(httpClient()).region(region(env)).overrideConfiguration(overrides(List.of()));
        Optional<URI> endpoint = env.optional(endpointVariable).map(URI::create);
        endpoint.ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials(env, endpoint.isPresent()));
        return builder.build();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static ClientOverrideConfiguration overrides(List<ExecutionInterceptor> interceptors) {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(20))
                .executionInterceptors(interceptors)
                .build();
    }

    private static Region region(Env env) {
        return Region.of(env.get("AWS_REGION", "us-east-1"));
    }

    private static AwsCredentialsProvider credentials(Env env, boolean local) {
        if (local) {
            // The stand-ins accept any key; never reach for real credentials when pointed at them.
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    env.get("AWS_ACCESS_KEY_ID", "local"), env.get("AWS_SECRET_ACCESS_KEY", "local")));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
