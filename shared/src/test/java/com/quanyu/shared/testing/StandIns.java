package com.quanyu.shared.testing;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.lake.sql.store.LakeSqlEngines;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local AWS stand-ins, running and provisioned from template.yaml: dynalite for DynamoDB and
 * S3Proxy for S3, kinesalite for Kinesis. Gives each function the environment its handler would get in AWS, pointed here.
 */
public final class StandIns implements AutoCloseable {
    /** Where Kinesis clients point locally (the SDK's own variable for a service endpoint). */
    public static final String KINESIS_ENDPOINT = "AWS_ENDPOINT_URL_KINESIS";

    private final NodeStandIn dynalite;
    private final S3ProxyServer s3proxy;
    private final NodeStandIn kinesalite;
    private final CfnTemplate template;
    private final Env baseEnv;
    private final DynamoDbClient dynamo;
    private final S3Client s3;
    private final KinesisClient kinesis;

    private StandIns(NodeStandIn dynalite, S3ProxyServer s3proxy, NodeStandIn kinesalite, CfnTemplate template) {
        this.dynalite = dynalite;
        this.s3proxy = s3proxy;
        this.kinesalite = kinesalite;
        this.template = template;
        this.baseEnv = Env.of(Map.of(
                AwsClients.DYNAMODB_ENDPOINT,
                dynalite.endpoint(),
                AwsClients.S3_ENDPOINT,
                s3proxy.endpoint(),
                KINESIS_ENDPOINT,
                kinesalite.endpoint(),
                // no Athena without AWS: the lake's SQL layer runs on DuckDB over the S3 stand-in
                LakeSqlEngines.ENGINE,
                "duckdb",
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                S3ProxyServer.SECRET_KEY));
        this.dynamo = AwsClients.dynamoDb(baseEnv);
        this.s3 = AwsClients.s3(baseEnv);
        this.kinesis = AwsClients.client(KinesisClient.builder(), baseEnv, KINESIS_ENDPOINT);
    }

    /**
     * Starts both stand-ins and creates the template's tables and buckets.
     *
     * @param dataDir where to keep data across restarts; empty for in-memory (tests)
     */
    public static StandIns start(Optional<Path> dataDir) {
        Path root = RepoRoot.find();
        CfnTemplate template = CfnTemplate.local();
        NodeStandIn dynalite = NodeStandIn.dynalite(root, dataDir.map(d -> d.resolve("dynamodb")));
        S3ProxyServer s3proxy;
        NodeStandIn kinesalite;
        try {
            s3proxy = S3ProxyServer.start(dataDir.map(d -> d.resolve("s3")));
        } catch (RuntimeException e) {
            dynalite.close();
            throw e;
        }
        try {
            kinesalite = NodeStandIn.kinesalite(root, dataDir.map(d -> d.resolve("kinesis")));
        } catch (RuntimeException e) {
            s3proxy.close();
            dynalite.close();
            throw e;
        }
        StandIns standIns = new StandIns(dynalite, s3proxy, kinesalite, template);
        try {
            Provisioner.createTables(template, standIns.dynamo);
            Provisioner.createBuckets(template, standIns.s3);
            Provisioner.createStreams(template, standIns.kinesis);
        } catch (RuntimeException e) {
            standIns.close();
            throw e;
        }
        return standIns;
    }

    public CfnTemplate template() {
        return template;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public S3Client s3() {
        return s3;
    }

    public KinesisClient kinesis() {
        return kinesis;
    }

    public String kinesisEndpoint() {
        return kinesalite.endpoint();
    }

    public String dynamoEndpoint() {
        return dynalite.endpoint();
    }

    public String s3Endpoint() {
        return s3proxy.endpoint();
    }

    /** Endpoints and local credentials only. */
    public Env baseEnv() {
        return baseEnv;
    }

    /** The environment template.yaml gives one function (Globals plus its own), pointed at the stand-ins. */
    public Env envFor(String functionLogicalId) {
        SamFunction function = functions().stream()
                .filter(f -> f.logicalId().equals(functionLogicalId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("no function " + functionLogicalId + " in template.yaml"));
        Map<String, String> env = new LinkedHashMap<>(function.environment());
        env.putAll(baseEnv.asMap());
        return Env.of(env);
    }

    public List<SamFunction> functions() {
        return SamFunction.all(template);
    }

    @Override
    public void close() {
        dynamo.close();
        s3.close();
        kinesis.close();
        kinesalite.close();
        s3proxy.close();
        dynalite.close();
    }
}
