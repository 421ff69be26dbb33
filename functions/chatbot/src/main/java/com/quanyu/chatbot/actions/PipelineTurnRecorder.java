package com.quanyu.chatbot.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.chatbot.nlu.Language;
import com.quanyu.chatbot.nlu.Understanding;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.EventResult;
import com.quanyu.shared.customer.IdentifierType;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.customer.IngestUnavailableException;
import com.quanyu.shared.customer.InvalidEventException;
import com.quanyu.shared.customer.MessagingConsent;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileStore;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import java.util.List;
import java.util.Optional;

/**
 * Ingests each turn through the shared event pipeline as a Segment {@code track} event
 * "Chat Message Received" of source {@code chatbot-<platform>} on the platform's channel. The
 * platform user id is an external id (WhatsApp's is a phone number); a phone number written in
 * the chat goes in {@code context.traits.phone}, which is what joins the chat identity to the web
 * profile with that phone. The message text itself is not stored in the profile: only the intent,
 * language and order numbers are. A reply that is an opt-out keyword (STOP, 退订, ...) withdraws
 * consent to marketing messages on that platform ({@code messaging.<channel>}, source {@code chat-stop}).
 */
public final class PipelineTurnRecorder implements TurnRecorder {
    public static final String EVENT_NAME = "Chat Message Received";

    private static final JsonLogger LOG = JsonLogger.of(PipelineTurnRecorder.class);

    private final EventPipeline pipeline;
    private final ProfileStore profiles;

    public PipelineTurnRecorder(EventPipeline pipeline, ProfileStore profiles) {
        this.pipeline = pipeline;
        this.profiles = profiles;
    }

    @Override
    public Optional<String> record(InboundMessage message, Understanding understanding, Language language) {
        Platform platform = message.platform();
        ObjectNode event = Json.object();
        event.put("type", "track");
        event.put("event", EVENT_NAME);
        event.put("messageId", platform.channel() + ":" + message.messageId());
        event.put("timestamp", message.sentAt().toString());
        ObjectNode context = event.putObject("context");
        if (Source.KNOWN_CHANNELS.contains(platform.channel())) {
            context.put("channel", platform.channel());
        }
        String identifier = platform.identifierValue(message.userId());
        if (platform.identifierType() == IdentifierType.ANONYMOUS_ID) {
            event.put("anonymousId", identifier);
        } else {
            context.putArray("externalIds")
                    .addObject()
                    .put("type", platform.identifierType().wireName())
                    .put("id", identifier);
        }
        message.context("shopUserId").ifPresent(id -> event.put("userId", id));
        if (MessagingConsent.isOptOut(message.text())) {
            ObjectNode consent = context.putObject("consent");
            consent.putObject("categoryPreferences").put(MessagingConsent.category(platform.channel()), false);
            consent.put("source", "chat-stop");
        }
        List<String> phones = understanding.entities().phones();
        if (!phones.isEmpty()) {
            context.putObject("traits").put("phone", phones.get(0));
        }
        ObjectNode properties = event.putObject("properties");
        properties.put("platform", platform.channel());
        properties.put("intent", understanding.intent().label());
        properties.put("confidence", Math.round(understanding.intent().confidence() * 1000) / 1000.0);
        properties.put("language", language.code());
        understanding.entities().orderNumbers().forEach(properties.putArray("order_numbers")::add);
        IngestReport report;
        try {
            report = pipeline.ingest(Source.of("chatbot-" + platform.channel(), platform.channel()), List.of(event));
        } catch (InvalidEventException e) {
            // A placeholder user id ("0", "null", "anonymous", ...) identifies nobody: answer, record nothing.
            LOG.info("chat turn not recorded", "platform", platform.channel(), "reason", e.field());
            return Optional.empty();
        }
        EventResult result = report.results().get(0);
        switch (result.status()) {
            case SUPPRESSED:
                return Optional.empty();
            case IN_FLIGHT:
                throw new IngestUnavailableException("the same chat turn is being ingested by another request");
            case ACCEPTED:
                if (result.profileId() != null) {
                    return Optional.of(result.profileId());
                }
                break;
            default:
                break;
        }
        // a retried turn was ingested before: find whose it was
        return profiles.resolve(platform.identifierType(), identifier).map(Profile::profileId);
    }
}
