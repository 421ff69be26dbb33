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
        rig = new ChatTestRig(aws, Map.of("WECHAT_TOKEN", "local-wechat-token", "META_APP_SECRET", "local-meta-app-secret",
                "META_VERIFY_TOKEN", "local-meta-verify-token", "LINE_CHANNEL_SECRET", "local-line-channel-secret",
                "TELEGRAM_SECRET_TOKEN", "local-telegram-secret-token", "WEB_CHAT_KEY", "local-web-chat-key", "AGENT_API_KEY", "local-agent-key"));
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @ParameterizedTest
    @CsvSource({"meta-verify.json,200", "meta-messenger-message.json,200", "meta-whatsapp-message.json,200", "line-message.json,200",
            "telegram-update.json,200", "handoffs-list.json,200",
            // signed at a fixed time long past: refused as replays, as they must be
            "wechat-text-message.json,401", "web-chat-message.json,401"})
    void sampleEventsAreAcceptedOrRefusedAsDocumented(String file, int status) throws Exception {
        String json = Files.readString(Path.of("../../events/chatbot").resolve(file));
        APIGatewayV2HTTPEvent event = Json.mapper().readValue(json, APIGatewayV2HTTPEvent.class);
        assertEquals(status, rig.handler.handleRequest(event, null).getStatusCode(), file);
    }
}
