package com.quanyu.shared.testing;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS for tests and the local runtime: ElasticMQ inside the JVM on a loopback port, in memory. It
 * honours visibility timeouts and redrive policies (a message received {@code maxReceiveCount}
 * times moves to the dead-letter queue), which the fan-out's retry-then-dead-letter contract
 * relies on. {@link #createQueues} creates the queues template.yaml declares.
 */
public final class SqsStandIn implements AutoCloseable {
    /** Where SQS clients point locally (the SDK's own variable for a service endpoint). */
    public static final String SQS_ENDPOINT = "AWS_ENDPOINT_URL_SQS";

    private final SQSRestServer server;
    private final String endpoint;
    private final SqsClient sqs;

    private SqsStandIn(SQSRestServer server, String endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.sqs = AwsClients.client(
                SqsClient.builder(),
                Env.of(Map.of(
                        SQS_ENDPOINT,
                        endpoint,
                        "AWS_REGION",
                        "us-east-1",
                        "AWS_ACCESS_KEY_ID",
                        "local",
                        "AWS_SECRET_ACCESS_KEY",
                        "local")),
                SQS_ENDPOINT);
    }

    /** Starts ElasticMQ on a free loopback port. */
    public static SqsStandIn start() {
        int port = FreePort.pick();
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSAccountId("000000000000")
                .withAWSRegion("us-east-1")
                .start();
        server.waitUntilStarted();
        return new SqsStandIn(server, "http://127.0.0.1:" + port);
    }

    public String endpoint() {
        return endpoint;
    }

    public SqsClient client() {
        return sqs;
    }

    /** The endpoint variable and local credentials, to add to a function's environment. */
    public Map<String, String> env() {
        return Map.of(SQS_ENDPOINT, endpoint);
    }

    public String queueUrl(String name) {
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    /**
     * Creates a queue (kept if it exists) with a visibility timeout and, when {@code deadLetterQueue}
     * is not null, a redrive policy to it after {@code maxReceiveCount} receives.
     */
    public String createQueue(String name, int visibilityTimeoutSeconds, String deadLetterQueue, int maxReceiveCount) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds));
        if (deadLetterQueue != null) {
            String arn = sqs.getQueueAttributes(
                            b -> b.queueUrl(queueUrl(deadLetterQueue)).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            attributes.put(
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}");
        }
        return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    /**
     * Creates every {@code AWS::SQS::Queue} of the template under its {@code QueueName} (the logical
     * id when it has none), dead-letter queues first; returns logical id to queue URL.
     */
    public Map<String, String> createQueues(CfnTemplate template) {
        List<String> ids = new ArrayList<>(template.resourcesOfType("AWS::SQS::Queue"));
        ids.sort((a, b) -> Boolean.compare(
                template.properties(a).containsKey("RedrivePolicy"),
                template.properties(b).containsKey("RedrivePolicy")));
        Map<String, String> urls = new LinkedHashMap<>();
        for (String id : ids) {
            Map<String, Object> properties = template.properties(id);
            String name = queueName(template, id);
            int visibility = properties.containsKey("VisibilityTimeout")
                    ? Integer.parseInt(String.valueOf(properties.get("VisibilityTimeout")))
                    : 30;
            Map<String, Object> redrive = CfnTemplate.map(properties.get("RedrivePolicy"));
            String deadLetter = null;
            int maxReceives = 0;
            if (!redrive.isEmpty()) {
                // deadLetterTargetArn: !GetAtt SomeQueue.Arn
                String targetId = SamFunction.getAttResource(redrive.get("deadLetterTargetArn"));
                deadLetter = queueName(template, targetId);
                maxReceives = Integer.parseInt(String.valueOf(redrive.get("maxReceiveCount")));
            }
            urls.put(id, createQueue(name, visibility, deadLetter, maxReceives));
        }
        return urls;
    }

    /** The name template.yaml gives a queue resource, resolved for the local stack. */
    public static String queueName(CfnTemplate template, String logicalId) {
        Object name = template.properties(logicalId).get("QueueName");
        return name == null ? logicalId : template.resolve(name);
    }

    /** Messages waiting in a queue (visible ones only). */
    public int visibleMessages(String queueUrl) {
        return Integer.parseInt(sqs.getQueueAttributes(
                        b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
    }
}
