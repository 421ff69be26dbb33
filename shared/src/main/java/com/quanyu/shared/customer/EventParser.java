package com.quanyu.shared.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates one Segment-spec event and turns it into a {@link CustomerEvent}. Every rejection is an
 * {@link InvalidEventException} naming the field, prefixed with where the event sits (e.g. {@code batch[3]}).
 *
 * <p>Clock skew: when both {@code sentAt} (event or batch level) and the device time
 * ({@code originalTimestamp}, else {@code timestamp}) are known, the event time is
 * {@code receivedAt - (sentAt - originalTimestamp)}, which removes the device clock's offset.
 */
public final class EventParser {
    /** Largest serialised event accepted, as Segment's HTTP API allows. */
    public static final int MAX_EVENT_BYTES = 32 * 1024;

    static final String ORDER_COMPLETED = "Order Completed";
    private static final int MAX_ID_LENGTH = 256;
    private static final int MAX_NAME_LENGTH = 200;
    /** Deepest nesting of objects and arrays in an event (DynamoDB allows 32 levels in an item). */
    static final int MAX_DEPTH = 24;

    static final double MAX_MAGNITUDE = 1e125;
    static final double MIN_MAGNITUDE = 1e-128;
    static final int MAX_DIGITS = 38;

    private final Identifiers identifiers;
    private final String defaultCurrency;

    public EventParser(IdentityRules rules, String defaultCurrency) {
        this.identifiers = Identifiers.with(rules);
        this.defaultCurrency = defaultCurrency;
    }

    /**
     * Parses one event.
     *
     * @param node         the event object
     * @param source       the authenticated source
     * @param impliedType  the call type the route implies ({@code /v1/track}), or null when the event must name it
     * @param receivedAt   server time of receipt
     * @param batchSentAt  the batch's {@code sentAt}, or null
     * @param where        field prefix for error messages, "" for a single event
     */
    public CustomerEvent parse(
            JsonNode node,
            Source source,
            EventType impliedType,
            Instant receivedAt,
            Instant batchSentAt,
            String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidEventException(where.isEmpty() ? "event" : where, "must be a JSON object");
        }
        Fields f = new Fields(node, where);
        int size = Json.write(node).getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_EVENT_BYTES) {
            throw f.invalid("", "event is " + size + " bytes; the limit is " + MAX_EVENT_BYTES + " bytes");
        }
        checkValues(f, node, "", 0);
        EventType type = type(f, impliedType);
        ObjectNode context = f.object("context");
        ObjectNode properties = f.object("properties");
        ObjectNode eventTraits = f.object("traits");
        ObjectNode contextTraits = new Fields(context, f.path("context")).object("traits");

        String userId = f.id("userId");
        String anonymousId = f.id("anonymousId");
        String previousId = null;
        if (type == EventType.ALIAS) {
            previousId = f.id("previousId");
            if (previousId == null) {
                throw f.invalid("previousId", "is required for alias");
            }
        }
        List<Identifier> ids =
                identifiers(f, type, userId, anonymousId, previousId, eventTraits, context, contextTraits);
        if (userId == null && anonymousId == null && ids.isEmpty()) {
            // Segment requires one of the two; other identifiers (a POS loyalty card, a WeChat openid) also do.
            throw f.invalid("userId", "userId or anonymousId is required");
        }
        if (ids.isEmpty()) {
            throw f.invalid(
                    userId != null ? "userId" : "anonymousId",
                    "is a placeholder value, not an identifier; send a real userId or anonymousId");
        }
        String name = switch (type) {
            case TRACK -> f.requiredText("event", MAX_NAME_LENGTH);
            case PAGE, SCREEN -> f.optionalText("name", MAX_NAME_LENGTH);
            case GROUP -> groupId(f);
            default -> "";
        };
        ObjectNode traits = JsonNodeFactory.instance.objectNode();
        traits.setAll(contextTraits);
        if (type == EventType.IDENTIFY) {
            traits.setAll(eventTraits);
        }
        String messageId = f.optionalText("messageId", MAX_ID_LENGTH);
        if (messageId.isEmpty()) {
            messageId = "content-" + Identifiers.sha256Hex(Json.write(node));
        }
        String channel = channel(context, source);
        Instant timestamp = timestamp(f, receivedAt, batchSentAt);
        OrderFacts order = type == EventType.TRACK && ORDER_COMPLETED.equalsIgnoreCase(name)
                ? OrderParser.parse(new Fields(properties, f.path("properties")), context, defaultCurrency)
                : null;
        String sessionId = new Fields(context, f.path("context")).optionalText("sessionId", MAX_ID_LENGTH);
        return new CustomerEvent(
                type,
                name,
                messageId,
                Identifiers.sha256Hex(source.sourceId() + "\u0000" + messageId),
                channel,
                timestamp,
                receivedAt,
                ids,
                traits,
                properties,
                sessionId.isEmpty() ? null : sessionId,
                consent(context),
                order,
                (ObjectNode) node);
    }

    /** An alias call's previousId as a userId (the stitcher joins it when a profile holds it); empty for other calls. */
    public java.util.Optional<Identifier> formerUserId(CustomerEvent event) {
        if (event.type() != EventType.ALIAS) {
            return java.util.Optional.empty();
        }
        return identifiers.identifier(IdentifierType.USER_ID, text(event.raw().get("previousId")));
    }

    /**
     * Limits every value must meet before any store sees it: nesting depth, and numbers that
     * DynamoDB can hold (finite, magnitude within 1e-128 .. 1e125, at most 38 significant digits).
     */
    private static void checkValues(Fields f, JsonNode value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw f.invalid(path, "is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value.isNumber()) {
            checkNumber(f, value, path);
        } else if (value.isObject()) {
            for (var entry : value.properties()) {
                checkValues(
                        f, entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), depth + 1);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkValues(f, value.get(i), path + "[" + i + "]", depth + 1);
            }
        }
    }

    private static void checkNumber(Fields f, JsonNode value, String path) {
        double magnitude = Math.abs(value.asDouble());
        if (!Double.isFinite(magnitude) || magnitude >= MAX_MAGNITUDE || magnitude != 0 && magnitude < MIN_MAGNITUDE) {
            throw f.invalid(
                    path,
                    "number " + Fields.clip(value.asText())
                            + " is out of range; numbers must be 0 or have a magnitude between 1e-128 and 1e125");
        }
        if ((value.isBigInteger() || value.isBigDecimal())
                && value.decimalValue().stripTrailingZeros().precision() > MAX_DIGITS) {
            throw f.invalid(path, "number has more than " + MAX_DIGITS + " significant digits");
        }
    }

    /** A group call's groupId (a string or an integer, as SDKs send it), its event name. */
    private static String groupId(Fields f) {
        String groupId = f.id("groupId");
        if (groupId == null || groupId.codePoints().anyMatch(Character::isISOControl)) {
            throw f.invalid("groupId", "is required: a string without control characters");
        }
        return groupId.strip();
    }

    private static EventType type(Fields f, EventType impliedType) {
        JsonNode declared = f.node.get("type");
        if (declared == null || declared.isNull()) {
            if (impliedType == null) {
                throw f.invalid("type", "is required (track, identify, page, screen, group or alias)");
            }
            return impliedType;
        }
        if (!declared.isTextual()) {
            throw f.invalid("type", "must be a string");
        }
        EventType type = EventType.fromWire(declared.asText())
                .orElseThrow(() -> f.invalid(
                        "type",
                        "unknown type '" + Fields.clip(declared.asText())
                                + "'; expected track, identify, page, screen, group or alias"));
        if (impliedType != null && type != impliedType) {
            throw f.invalid("type", "is '" + type.wireName() + "' but was sent to /v1/" + impliedType.wireName());
        }
        return type;
    }

    private List<Identifier> identifiers(
            Fields f,
            EventType type,
            String userId,
            String anonymousId,
            String previousId,
            ObjectNode eventTraits,
            ObjectNode context,
            ObjectNode contextTraits) {
        Set<Identifier> ids = new LinkedHashSet<>();
        add(ids, IdentifierType.USER_ID, userId);
        for (ObjectNode traits :
                type == EventType.IDENTIFY ? List.of(eventTraits, contextTraits) : List.of(contextTraits)) {
            add(ids, IdentifierType.EMAIL, text(traits.get("email")));
            add(ids, IdentifierType.PHONE, text(traits.get("phone")));
            add(ids, IdentifierType.LOYALTY_CARD, text(traits.get("loyalty_card")));
        }
        JsonNode externalIds = context.get("externalIds");
        if (externalIds != null && !externalIds.isNull()) {
            if (!externalIds.isArray()) {
                throw f.invalid("context.externalIds", "must be an array of {id, type}");
            }
            for (int i = 0; i < externalIds.size(); i++) {
                JsonNode entry = externalIds.get(i);
                String at = "context.externalIds[" + i + "]";
                if (!entry.isObject() || text(entry.get("id")) == null || text(entry.get("type")) == null) {
                    throw f.invalid(at, "must be an object with string fields id and type");
                }
                IdentifierType idType = IdentifierType.fromWire(
                                entry.get("type").asText())
                        .orElseThrow(() -> f.invalid(
                                at + ".type",
                                "unknown identifier type '"
                                        + Fields.clip(entry.get("type").asText()) + "'"));
                add(ids, idType, entry.get("id").asText());
            }
        }
        JsonNode device = context.get("device");
        if (device != null && device.isObject()) {
            add(ids, IdentifierType.DEVICE_ID, text(device.get("id")));
        }
        add(ids, IdentifierType.ANONYMOUS_ID, anonymousId);
        // alias: the earlier id is read as an anonymousId (the spec's common case: visitor to user); when it
        // is a former userId instead, the stitcher finds it by formerUserId(event).
        add(ids, IdentifierType.ANONYMOUS_ID, previousId);
        List<Identifier> ordered = new ArrayList<>(ids);
        ordered.sort(java.util.Comparator.comparing(Identifier::type));
        return ordered;
    }

    private void add(Set<Identifier> ids, IdentifierType type, String raw) {
        identifiers.identifier(type, raw).ifPresent(ids::add);
    }

    private static String channel(ObjectNode context, Source source) {
        String named = text(context.get("channel"));
        return named != null && Source.KNOWN_CHANNELS.contains(named) ? named : source.channel();
    }

    private static Instant timestamp(Fields f, Instant receivedAt, Instant batchSentAt) {
        Instant timestamp = f.instant("timestamp");
        Instant original = f.instant("originalTimestamp");
        Instant sentAt = f.instant("sentAt");
        Instant deviceTime = original != null ? original : timestamp;
        Instant sent = sentAt != null ? sentAt : batchSentAt;
        if (deviceTime != null && sent != null) {
            return receivedAt.minus(Duration.between(deviceTime, sent));
        }
        return timestamp != null ? timestamp : receivedAt;
    }

    private static Map<String, Boolean> consent(ObjectNode context) {
        Map<String, Boolean> consent = new LinkedHashMap<>();
        JsonNode preferences = context.path("consent").path("categoryPreferences");
        preferences.properties().forEach(e -> {
            if (e.getValue().isBoolean()) {
                consent.put(e.getKey(), e.getValue().asBoolean());
            }
        });
        return consent;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode() || node.isBoolean()) {
            return null;
        }
        return node.asText();
    }

    /** Field access on one object with error messages that say where. */
    static final class Fields {
        final JsonNode node;
        final String where;

        Fields(JsonNode node, String where) {
            this.node = node;
            this.where = where;
        }

        String path(String field) {
            return where.isEmpty() ? field : field.isEmpty() ? where : where + "." + field;
        }

        InvalidEventException invalid(String field, String problem) {
            return new InvalidEventException(path(field).isEmpty() ? "event" : path(field), problem);
        }

        ObjectNode object(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!value.isObject()) {
                throw invalid(field, "must be an object");
            }
            return (ObjectNode) value;
        }

        /** An identifier: a string, or a number (which SDKs sometimes send) read as text. */
        String id(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual() && !value.isIntegralNumber()) {
                throw invalid(field, "must be a string");
            }
            String text = value.asText();
            if (text.length() > MAX_ID_LENGTH) {
                throw invalid(field, "is longer than " + MAX_ID_LENGTH + " characters");
            }
            return text.isBlank() ? null : text;
        }

        String requiredText(String field, int maxLength) {
            String text = optionalText(field, maxLength);
            if (text.isBlank()) {
                throw invalid(field, "is required");
            }
            return text;
        }

        String optionalText(String field, int maxLength) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return "";
            }
            if (!value.isTextual()) {
                throw invalid(field, "must be a string");
            }
            String text = value.asText();
            if (text.length() > maxLength) {
                throw invalid(field, "is longer than " + maxLength + " characters");
            }
            if (text.codePoints()
                    .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
                throw invalid(field, "contains control characters or unpaired surrogates");
            }
            return text.strip();
        }

        Instant instant(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw invalid(field, "must be an ISO-8601 date-time string");
            }
            try {
                return OffsetDateTime.parse(value.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(
                        field,
                        "'" + clip(value.asText())
                                + "' is not an ISO-8601 date-time with offset, e.g. 2026-11-29T08:00:00.000Z");
            }
        }

        double number(String field, double fallback) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (value.isNumber()) {
                return value.asDouble();
            }
            if (value.isTextual()) {
                try {
                    return Double.parseDouble(value.asText().trim());
                } catch (NumberFormatException e) {
                    throw invalid(field, "must be a number");
                }
            }
            throw invalid(field, "must be a number");
        }

        static String clip(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }
}
