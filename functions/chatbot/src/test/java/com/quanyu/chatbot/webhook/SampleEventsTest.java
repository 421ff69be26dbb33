package com.quanyu.chatbot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The events under events/chatbot (for sam local invoke) are signed with the local secrets of docs/chatbot.md. */
@ExtendWith(AwsStandInsExtension.class)
class SampleEventsTest {
    private final ChatTestRig rig;

    SampleEventsTest(StandIns aws) {
        rig = new ChatTestRig(
                aws,
                Map.of(
                        "wechatToken",
                        "local-wechat-token",
                        "metaAppSecret",
                        "local-meta-app-secret",
                        "metaVerifyToken",
                        "local-meta-verify-token",
                        "lineChannelSecret",
                        "local-line-channel-secret",
                        "telegramSecretToken",
                        "local-telegram-secret-token",
                        "webChatKey",
                        "local-web-chat-key"));
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @ParameterizedTest
    @CsvSource({
        "meta-verify.json,200",
        "meta-messenger-message.json,200",
        "meta-whatsapp-message.json,200",
        "line-message.json,200",
        "telegram-update.json,200",
        "handoffs-list.json,200",
        "faq-get.json,200",
        // signed at a fixed time long past: refused as replays, as they must be
        "wechat-text-message.json,401",
        "web-chat-message.json,401"
    })
    void sampleEventsAreAcceptedOrRefusedAsDocumented(String file, int status) throws Exception {
        String json = Files.readString(Path.of("../../events/chatbot").resolve(file));
        APIGatewayV2HTTPEvent event = Json.mapper().readValue(json, APIGatewayV2HTTPEvent.class);
        assertEquals(status, rig.handler.handleRequest(event, null).getStatusCode(), file);
    }
}
