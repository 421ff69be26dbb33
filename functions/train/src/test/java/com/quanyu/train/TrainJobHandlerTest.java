package com.quanyu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.train.data.S3LakeReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(AwsStandInsExtension.class)
class TrainJobHandlerTest {
    private final StandIns aws;
    private final TrainJobHandler handler;

    TrainJobHandlerTest(StandIns aws) {
        this.aws = aws;
        this.handler = new TrainJobHandler(aws.envFor("TrainFunction"));
    }

    @Test
    void invalidJobsAreAnsweredWithAnErrorNotAnException() {
        assertEquals(
                "unknown_job",
                handler.handleRequest(Map.of("job", "dance"), null).get("error"));
        var badModel = handler.handleRequest(Map.of("job", "train", "models", List.of("horoscope")), null);
        assertEquals("invalid_request", badModel.get("error"));
        assertTrue(String.valueOf(badModel.get("message")).contains("horoscope"));
        assertEquals(
                "invalid_request",
                handler.handleRequest(Map.of("job", "rollback"), null).get("error"));
        var noEarlier = handler.handleRequest(Map.of("job", "rollback", "model", "never-trained"), null);
        assertTrue(String.valueOf(noEarlier.get("message")).contains("no live version"), noEarlier.toString());
    }

    @Test
    void statusListsEveryModelKind() {
        var status = handler.handleRequest(Map.of("job", "status"), null);
        assertEquals(TrainingJob.ALL_MODELS.size(), ((Map<?, ?>) status.get("live")).size());
    }

    @Test
    void lakeReaderParsesGzipObjectsAndSkipsBadLines() {
        String lake = aws.envFor("TrainFunction").required("DATA_LAKE_BUCKET");
        var lines = LakeFixture.lines(3, 1);
        lines.add(LakeFixture.event(null, "track", "x", null, LakeFixture.END, null, "web")); // no profile id
        List<String> text = new java.util.ArrayList<>(
                lines.stream().map(com.quanyu.shared.json.Json::write).toList());
        text.add(1, "{\"truncated\": "); // malformed, before good lines: they are still read
        aws.s3()
                .putObject(
                        b -> b.bucket(lake).key("events/dt=2026-11-20/channel=web/test-reader.gz"),
                        RequestBody.fromBytes(
                                com.quanyu.shared.lake.store.LakeWriter.gzip(String.join("\n", text) + "\n")));
        List<Object> read = new java.util.ArrayList<>();
        long skipped = new S3LakeReader(aws.s3(), lake).read(java.time.LocalDate.of(2026, 11, 20), read::add);
        assertEquals(lines.size() - 1, read.size(), "every usable line, also those after the malformed one");
        assertEquals(2, skipped);
    }
}
