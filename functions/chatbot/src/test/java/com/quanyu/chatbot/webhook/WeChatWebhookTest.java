package com.quanyu.chatbot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.shared.customer.IdentifierType;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class WeChatWebhookTest {
    private final ChatTestRig rig;

    WeChatWebhookTest(StandIns aws) {
        rig = new ChatTestRig(aws);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void verificationEchoesOnlyForTheRightSignatureAndAFreshTimestamp() {
        long now = Instant.now().getEpochSecond();
        var good = new java.util.HashMap<>(ChatTestRig.wechatQuery(ChatTestRig.WECHAT_TOKEN, now));
        good.put("echostr", "echo-123");
        var ok = rig.call("GET", "/v1/chat/wechat", Map.of(), good, null);
        assertEquals(200, ok.getStatusCode());
        assertEquals("echo-123", ok.getBody());

        var wrong = new java.util.HashMap<>(ChatTestRig.wechatQuery("not-the-token", now));
        wrong.put("echostr", "x");
        assertEquals(
                401, rig.call("GET", "/v1/chat/wechat", Map.of(), wrong, null).getStatusCode());

        var stale = new java.util.HashMap<>(ChatTestRig.wechatQuery(ChatTestRig.WECHAT_TOKEN, now - 3600));
        stale.put("echostr", "x");
        var replay = rig.call("GET", "/v1/chat/wechat", Map.of(), stale, null);
        assertEquals(401, replay.getStatusCode());
        assertTrue(replay.getBody().contains("\"error\":\"unauthorized\""), replay.getBody());
    }

    @Test
    void chineseConversationFindsTheOrderOnceThePhoneJoinsTheWebProfile() {
        var customer = rig.webShopCustomerWithOrder();
        String openId = "oWx_" + rig.run;

        String hello = rig.wechat(openId, rig.run + "1", "你好").getBody();
        assertTrue(hello.contains("<ToUserName><![CDATA[" + openId + "]]></ToUserName>"), hello);
        assertTrue(hello.contains("<FromUserName><![CDATA[gh_quanyu]]></FromUserName>"), hello);
        assertTrue(hello.contains("您好"), hello);

        String ask = rig.wechat(openId, rig.run + "2", "我的快递到哪了").getBody();
        assertTrue(ask.contains("订单号"), "unknown customer without orders is asked for the number: " + ask);

        String shortStatus =
                rig.wechat(openId, rig.run + "3", customer.orderId()).getBody();
        assertTrue(
                shortStatus.contains(customer.orderId()) && shortStatus.contains("手机号"),
                "a typed order number alone only reveals the status: " + shortStatus);
        assertTrue(!shortStatus.contains("龙井"), shortStatus);

        rig.wechat(openId, rig.run + "4", "我的手机号是" + customer.phone());
        var stores = CustomerStores.fromEnv(rig.env);
        var wechatProfile =
                stores.profiles().resolve(IdentifierType.WECHAT_OPENID, openId).orElseThrow();
        var webProfile =
                stores.profiles().resolve("user_id:" + customer.userId()).orElseThrow();
        assertEquals(
                webProfile.profileId(),
                wechatProfile.profileId(),
                "the phone joined the WeChat user to the web profile");

        String full = rig.wechat(openId, rig.run + "5", "订单" + customer.orderId() + "到哪了")
                .getBody();
        assertTrue(full.contains("龙井茶") && full.contains("已付款"), full);

        String latest = rig.wechat(openId, rig.run + "6", "我最近的订单什么状态").getBody();
        assertTrue(latest.contains(customer.orderId()), "the profile's latest order fills the slot: " + latest);
    }

    @Test
    void englishOnWeChatIsAnsweredInEnglishAndTheSlotCanBeAbandoned() {
        String openId = "oWx_en_" + rig.run;
        assertTrue(rig.wechat(openId, rig.run + "e1", "hello, can you help me?")
                .getBody()
                .contains("How can I help"));
        assertTrue(rig.wechat(openId, rig.run + "e2", "I need to cancel my order")
                .getBody()
                .contains("order number"));
        assertTrue(
                rig.wechat(openId, rig.run + "e3", "what payment methods do you accept?")
                        .getBody()
                        .contains("Alipay"),
                "a new question changes the topic");
        assertTrue(
                rig.wechat(openId, rig.run + "e4", "好的谢谢").getBody().contains("不客气"),
                "and the language follows the customer");
    }

    @Test
    void aRetriedMsgIdGetsTheSameReplyAndIsNotProcessedTwice() {
        String openId = "oWx_dup_" + rig.run;
        String first = rig.wechat(openId, rig.run + "77", "有优惠券吗").getBody();
        String again = rig.wechat(openId, rig.run + "77", "有优惠券吗").getBody();
        assertEquals(strip(first), strip(again));
        var profile = CustomerStores.fromEnv(rig.env)
                .profiles()
                .resolve(IdentifierType.WECHAT_OPENID, openId)
                .orElseThrow();
        assertEquals(1, profile.counters().events(), "the turn was ingested once");
    }

    @Test
    void badSignatureMalformedAndHostileXmlAreRejectedWithJsonErrors() {
        long now = Instant.now().getEpochSecond();
        var badSig =
                rig.call("POST", "/v1/chat/wechat", Map.of(), ChatTestRig.wechatQuery("wrong", now), "<xml></xml>");
        assertEquals(401, badSig.getStatusCode());
        var malformed = rig.call(
                "POST",
                "/v1/chat/wechat",
                Map.of(),
                ChatTestRig.wechatQuery(ChatTestRig.WECHAT_TOKEN, now),
                "<xml><Content>");
        assertEquals(400, malformed.getStatusCode());
        assertTrue(malformed.getBody().contains("malformed_xml"), malformed.getBody());
        String xxe =
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>a</FromUserName>"
                        + "<ToUserName>b</ToUserName><MsgType>text</MsgType><Content>&e;</Content><MsgId>1</MsgId></xml>";
        var hostile = rig.call(
                "POST", "/v1/chat/wechat", Map.of(), ChatTestRig.wechatQuery(ChatTestRig.WECHAT_TOKEN, now), xxe);
        assertEquals(400, hostile.getStatusCode());
        var missing = rig.call(
                "POST",
                "/v1/chat/wechat",
                Map.of(),
                ChatTestRig.wechatQuery(ChatTestRig.WECHAT_TOKEN, now),
                "<xml><MsgType>text</MsgType></xml>");
        assertEquals(400, missing.getStatusCode());
        assertTrue(missing.getBody().contains("FromUserName"), missing.getBody());
    }

    @Test
    void repliesContainingCdataTerminatorsStayWellFormed() {
        String xml = WeChatWebhook.passiveReply("u", "gh", "a]]>b", 1);
        Map<String, String> parsed = WeChatWebhook.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("a]]>b", parsed.get("Content"));
    }

    private static String strip(String xml) {
        return xml.replaceAll("<CreateTime>\\d+</CreateTime>", "");
    }
}
