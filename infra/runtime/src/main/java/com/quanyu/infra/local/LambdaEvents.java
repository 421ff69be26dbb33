package com.quanyu.infra.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.time.DateTime;

/** Builds the event objects Lambda's Java runtime would pass, from what the local runtime saw. */
final class LambdaEvents {
    private LambdaEvents() {}

    /** An S3 ObjectCreated:Put notification for one object. */
    static S3Event objectCreated(String bucket, String key, long size) {
        var record = new S3EventNotification.S3EventNotificationRecord(
                "us-east-1",
                "ObjectCreated:Put",
                "aws:s3",
                Instant.now().toString(),
                "2.1",
                new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity(
                        "local", UUID.randomUUID().toString()),
                new S3EventNotification.S3Entity(
                        "local-notification",
                        new S3EventNotification.S3BucketEntity(
                                bucket, new S3EventNotification.UserIdentityEntity("local"), "arn:aws:s3:::" + bucket),
                        new S3EventNotification.S3ObjectEntity(
                                java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)
                                        .replace("%2F", "/"),
                                size,
                                null,
                                null,
                                null),
                        "1.0"),
                new S3EventNotification.UserIdentityEntity("local"));
        return new S3Event(List.of(record));
    }

    /** The EventBridge event S3 sends for a new object (bucket with EventBridge notifications enabled). */
    static ScheduledEvent objectCreatedViaEventBridge(String bucket, String key, long size) {
        ScheduledEvent event = new ScheduledEvent();
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Object Created");
        event.setSource("aws.s3");
        event.setAccount("000000000000");
        event.setRegion("us-east-1");
        event.setTime(DateTime.now());
        event.setResources(new ArrayList<>(List.of("arn:aws:s3:::" + bucket)));
        event.setDetail(Map.of(
                "version",
                "0",
                "bucket",
                Map.of("name", bucket),
                "object",
                Map.of("key", key, "size", size),
                "reason",
                "PutObject"));
        return event;
    }

    /** An EventBridge scheduled event, or for handlers taking a Map/JsonNode, the rule's constant input. */
    static Object scheduled(Class<?> inputType, String input) {
        JsonNode json = parse(input);
        if (inputType == ScheduledEvent.class) {
            ScheduledEvent event = new ScheduledEvent();
            event.setId(UUID.randomUUID().toString());
            event.setDetailType("Scheduled Event");
            event.setSource("aws.scheduler");
            event.setAccount("000000000000");
            event.setRegion("us-east-1");
            event.setTime(DateTime.now());
            event.setResources(new ArrayList<>());
            event.setDetail(Json.mapper().convertValue(json, Map.class));
            return event;
        }
        return convert(json, inputType);
    }

    /** A JSON event file (as for {@code sam local invoke -e}) converted to the handler's input type. */
    static Object fromJson(String json, Class<?> inputType) {
        JsonNode node = parse(json);
        if (inputType == ScheduledEvent.class) {
            return scheduled(
                    inputType,
                    node.path("detail").isMissingNode()
                            ? "{}"
                            : node.get("detail").toString());
        }
        if (inputType == S3Event.class) {
            JsonNode first = node.path("Records").path(0).path("s3");
            return objectCreated(
                    first.path("bucket").path("name").asText(),
                    first.path("object").path("key").asText(),
                    first.path("object").path("size").asLong(0));
        }
        return convert(node, inputType);
    }

    private static Object convert(JsonNode json, Class<?> inputType) {
        ObjectMapper mapper = Json.mapper();
        if (inputType == String.class) {
            return json.toString();
        }
        if (inputType == APIGatewayV2HTTPEvent.class
                || inputType == Object.class
                || JsonNode.class.isAssignableFrom(inputType)) {
            return inputType == Object.class
                    ? mapper.convertValue(json, Map.class)
                    : mapper.convertValue(json, inputType);
        }
        return mapper.convertValue(json, inputType);
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text == null || text.isBlank() ? "{}" : text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
