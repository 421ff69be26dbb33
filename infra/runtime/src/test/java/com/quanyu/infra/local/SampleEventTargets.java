package com.quanyu.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.testing.SamFunction;
import java.util.List;

/** Which function of template.yaml a sample event under events/&lt;module&gt;/ is meant for. */
final class SampleEventTargets {
    private SampleEventTargets() {}

    /**
     * An HTTP API event: the function serving its route key. An S3 event: the module's function
     * subscribed to the object's prefix. Anything else: the module's one function without routes or
     * S3 triggers (its scheduled or direct-invocation function). An SNS notification: the module's
     * function subscribed to an SNS topic; an SQS batch: the module's consumer of a queue.
     */
    static SamFunction target(List<SamFunction> functions, String module, JsonNode event) {
        List<SamFunction> inModule = functions.stream()
                .filter(f -> f.codeUri().startsWith("functions/" + module + "/"))
                .toList();
        if (event.hasNonNull("routeKey")) {
            String routeKey = event.get("routeKey").asText();
            return one(
                    inModule.stream()
                            .filter(f -> f.routes().stream()
                                    .anyMatch(r -> r.routeKey().equals(routeKey)))
                            .toList(),
                    module,
                    routeKey);
        }
        JsonNode s3 = event.path("Records").path(0).path("s3");
        if (!s3.isMissingNode()) {
            String key = s3.path("object").path("key").asText();
            return one(
                    inModule.stream()
                            .filter(f -> f.s3Events().stream().anyMatch(t -> key.startsWith(t.prefix())))
                            .toList(),
                    module,
                    key);
        }
        boolean sns = "aws:sns"
                .equals(event.path("Records").path(0).path("EventSource").asText());
        boolean sqs = "aws:sqs"
                .equals(event.path("Records").path(0).path("eventSource").asText());
        return one(
                inModule.stream()
                        .filter(f -> f.routes().isEmpty()
                                && f.s3Events().isEmpty()
                                && !f.snsTopics().isEmpty() == sns
                                && !f.queues().isEmpty() == sqs)
                        .toList(),
                module,
                sns ? "an SNS notification" : sqs ? "an SQS batch" : "a direct event");
    }

    private static SamFunction one(List<SamFunction> candidates, String module, String what) {
        if (candidates.size() != 1) {
            throw new IllegalStateException(
                    "events/" + module + ": " + candidates.size() + " functions could take " + what + ": "
                            + candidates.stream().map(SamFunction::logicalId).toList());
        }
        return candidates.get(0);
    }
}
