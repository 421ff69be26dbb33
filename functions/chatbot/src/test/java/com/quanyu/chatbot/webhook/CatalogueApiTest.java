package com.quanyu.chatbot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.chatbot.store.S3ProductCatalogue;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code PUT/GET /v1/chat/catalogue} through the real handler on the S3 stand-in, and the bot's
 * replies naming catalogue products (names, prices, links) instead of SKU codes.
 */
@ExtendWith(AwsStandInsExtension.class)
class CatalogueApiTest {
    private static final String CSV = """
            sku,name_zh,name_en,price,currency,url,category,keywords
            TEA-1,西湖龙井,West Lake Longjing,268,CNY,https://shop.example.com/p/TEA-1,tea,龙井|green tea
            POT-7,宜兴紫砂壶,Yixing clay teapot,820,CNY,https://shop.example.com/p/POT-7,teaware,茶壶
            """;
    private final StandIns aws;

    CatalogueApiTest(StandIns aws) {
        this.aws = aws;
    }

    @AfterEach
    void removeTheCatalogue() {
        // the lake bucket is shared by the test JVM's other tests: leave no catalogue behind
        aws.s3()
                .deleteObject(b -> b.bucket(aws.envFor("ChatbotFunction").required("DATA_LAKE_BUCKET"))
                        .key(S3ProductCatalogue.KEY));
    }

    @Test
    void aMarketerUploadsACsvThatAnotherInstanceReadsFromS3() throws Exception {
        ChatTestRig rig = new ChatTestRig(aws);
        var put =
                rig.call("PUT", "/v1/chat/catalogue", Map.of("content-type", "text/csv; charset=utf-8"), Map.of(), CSV);
        assertEquals(200, put.getStatusCode(), put.getBody());
        assertEquals(2, Json.parse(put.getBody()).path("products").asInt());
        // a fresh function instance (no cache) reads the object the upload wrote
        JsonNode stored = Json.parse(new ChatTestRig(aws)
                .callAs(List.of("agent"), "GET", "/v1/chat/catalogue", null)
                .getBody());
        assertEquals(2, stored.path("count").asInt());
        assertEquals("宜兴紫砂壶", stored.path("products").get(1).path("nameZh").asText());
        assertEquals("820", stored.path("products").get(1).path("price").asText());
    }

    @Test
    void badUploadsSayWhatIsWrongAndKeepTheCatalogue() throws Exception {
        ChatTestRig rig = new ChatTestRig(aws);
        assertEquals(
                200,
                rig.call("PUT", "/v1/chat/catalogue", Map.of("content-type", "text/csv"), Map.of(), CSV)
                        .getStatusCode());
        var bad = rig.call(
                "PUT",
                "/v1/chat/catalogue",
                Map.of("content-type", "text/csv"),
                Map.of(),
                "sku,name_en,price,currency\nA-1,Tea,12,CNY\nA-2,Cup,twelve,CNY\n");
        assertEquals(400, bad.getStatusCode(), bad.getBody());
        assertTrue(Json.parse(bad.getBody()).path("message").asText().contains("line 3"), bad.getBody());
        var empty = rig.call("PUT", "/v1/chat/catalogue", Map.of(), Map.of(), "{\"products\": []}");
        assertEquals(400, empty.getStatusCode(), empty.getBody());
        var notJson = rig.call("PUT", "/v1/chat/catalogue", Map.of(), Map.of(), "sku,name");
        assertEquals(400, notJson.getStatusCode(), notJson.getBody());
        JsonNode kept = Json.parse(new ChatTestRig(aws)
                .call("GET", "/v1/chat/catalogue", Map.of(), Map.of(), null)
                .getBody());
        assertEquals(2, kept.path("count").asInt(), "a refused upload changes nothing");
    }

    @Test
    void onlyAdminsAndMarketersMayReplaceIt() {
        ChatTestRig rig = new ChatTestRig(aws);
        assertEquals(
                403,
                rig.callAs(List.of("agent"), "PUT", "/v1/chat/catalogue", "{\"products\": []}")
                        .getStatusCode());
        assertEquals(
                401,
                rig.callAs(List.of(), "PUT", "/v1/chat/catalogue", "{\"products\": []}")
                        .getStatusCode());
        assertEquals(
                200,
                rig.callAs(
                                List.of("marketer"),
                                "PUT",
                                "/v1/chat/catalogue",
                                "{\"products\": [{\"sku\": \"TEA-1\", \"nameEn\": \"Longjing\", \"price\": \"268\", \"currency\": \"CNY\"}]}")
                        .getStatusCode());
    }

    @Test
    void repliesNameCatalogueProductsWithPricesAndLinks() throws Exception {
        ChatTestRig rig = new ChatTestRig(aws);
        assertEquals(
                200,
                rig.call("PUT", "/v1/chat/catalogue", Map.of("content-type", "text/csv"), Map.of(), CSV)
                        .getStatusCode());
        ChatTestRig.Customer customer =
                rig.webShopCustomerWithOrder(); // one order of TEA-1, named "龙井茶 Longjing tea" in the order
        JsonNode price = say(rig, customer, "how much is the teapot?");
        assertEquals("product_info", price.path("action").asText(), price.toString());
        String reply = price.path("reply").asText();
        assertTrue(
                reply.contains("Yixing clay teapot")
                        && reply.contains("820 CNY")
                        && reply.contains("https://shop.example.com/p/POT-7"),
                reply);
        assertFalse(reply.contains("POT-7 "), reply);
        JsonNode order = say(rig, customer, "我的订单 " + customer.orderId() + " 到哪了");
        assertTrue(order.path("reply").asText().contains("西湖龙井"), "the catalogue's Chinese name: " + order);
    }

    private static JsonNode say(ChatTestRig rig, ChatTestRig.Customer customer, String text) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", "web-" + customer.userId());
        body.put("messageId", "m-" + System.nanoTime());
        body.put("text", text);
        body.put("shopUserId", customer.userId());
        var response = rig.web(Json.write(body), Instant.now().getEpochSecond());
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.parse(response.getBody());
    }
}
