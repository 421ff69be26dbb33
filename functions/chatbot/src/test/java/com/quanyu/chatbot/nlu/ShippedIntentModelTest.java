package com.quanyu.chatbot.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShippedIntentModelTest {
    private static final IntentModel MODEL = IntentModel.fromClasspath(Understander.SHIPPED_MODEL);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "我的快递怎么还没到|track_order",
                "where is my package|track_order",
                "我要退钱，东西坏了|get_refund",
                "I want my money back|get_refund",
                "转人工|contact_human_agent",
                "can I talk to a real person|contact_human_agent",
                "有没有优惠卷|coupon",
                "any discount codes?|coupon",
                "忘记密码了咋办|recover_password",
                "你好呀|greeting",
                "訂單可以取消嗎|cancel_order",
                "收件地址填错了，帮我改下|change_shipping_address",
                "开个发票给我|get_invoice",
                "有啥推荐的吗|product_question"
            })
    void understandsChineseAndEnglishCustomerQuestions(String text, String intent) {
        IntentPrediction prediction = MODEL.classify(text);
        assertEquals(intent, prediction.intent(), text + " -> " + prediction);
        assertTrue(prediction.inScope(), text + " should be confidently in scope: " + prediction);
    }

    @Test
    void textWithoutKnownFeaturesIsOutOfScope() {
        assertFalse(MODEL.classify("🙂🙂🙂").inScope());
        assertFalse(MODEL.classify("").inScope());
        assertEquals(IntentPrediction.OUT_OF_SCOPE, MODEL.classify("   ").label());
    }

    @Test
    void modelSurvivesSaveAndLoadWithIdenticalPredictions() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MODEL.save(bytes);
        IntentModel copy = IntentModel.load(new ByteArrayInputStream(bytes.toByteArray()));
        for (String text : new String[] {"我的订单到哪了", "refund please", "hello"}) {
            assertEquals(MODEL.classify(text), copy.classify(text));
        }
        assertEquals(MODEL.manifest().get("dataSha256"), copy.manifest().get("dataSha256"));
    }
}
