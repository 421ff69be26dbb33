package com.quanyu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.StandIns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample events in events/ingest/ (for sam local invoke) do what their names say through the real handler. */
@ExtendWith(AwsStandInsExtension.class)
class SampleEventsTest {
    private final StreamedIngest handler;

    SampleEventsTest(StandIns aws) {
        Env env = aws.envFor("IngestFunction");
        new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE"))
                .register("Sample web shop", "web", "qy_demo_web_write_key_0001");
        this.handler = new StreamedIngest(aws, env);
    }

    private int status(String name) throws Exception {
        Path file = RepoRoot.find().resolve("events/ingest").resolve(name);
        APIGatewayV2HTTPEvent event = Json.mapper().readValue(Files.readString(file), APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse response = handler.handle(event);
        return response.getStatusCode();
    }

    @Test
    void samplesBehaveAsNamed() throws Exception {
        assertEquals(200, status("page.json"));
        assertEquals(200, status("identify.json"));
        assertEquals(200, status("track-order-completed.json"));
        assertEquals(200, status("batch.json"));
        assertEquals(200, status("alias.json"));
        assertEquals(400, status("bad-request-missing-ids.json"));
        assertEquals(200, status("get-profile.json"));
        assertEquals(200, status("delete-profile.json"));
        assertEquals(410, status("get-profile.json"));
    }
}
