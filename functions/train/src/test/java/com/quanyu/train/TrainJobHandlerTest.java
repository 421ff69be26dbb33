package com.quanyu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
}
