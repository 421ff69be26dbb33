package com.quanyu.journeys.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.definition.JourneyDefinition.Condition;
import com.quanyu.journeys.definition.JourneyDefinition.Step;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a journey definition from JSON and rejects anything it cannot run, naming the field:
 * unknown step types or channels, dangling step references, a send without an English or
 * Chinese template, a holdout outside 0-50 %, and so on.
 */
public final class DefinitionParser {
    /** Languages a template may be written in; a send needs at least one. */
    public static final Set<String> LANGUAGES = Set.of("en", "zh-CN");
    /** Messenger message tags that allow a message outside the 24-hour window (none of them is for marketing). */
    public static final Set<String> MESSENGER_TAGS =
            Set.of("CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE");

    private static final int MAX_STEPS = 50;

    private DefinitionParser() {}

    /** Parses {@code json} as version {@code version} of journey {@code id}. */
    public static JourneyDefinition parse(String id, int version, JsonNode json) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new InvalidJourneyException("id", "must be 1-63 lower-case letters, digits or dashes");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidJourneyException("$", "a journey is a JSON object");
        }
        String name = text(json, "name", "name");
        JourneyDefinition.Entry entry = entry(json.path("entry"));
        JsonNode goalNode = json.path("goal");
        JourneyDefinition.Goal goal = new JourneyDefinition.Goal(
                text(goalNode, "event", "goal.event"),
                duration(goalNode, "withinHours", "goal.withinHours", 1, 24 * 90, Duration::ofHours));
        int holdout = integer(json, "holdoutPercent", "holdoutPercent", 0, 50, 0);
        Duration reentry = json.has("reentryAfterHours")
                ? duration(json, "reentryAfterHours", "reentryAfterHours", 0, 24 * 365, Duration::ofHours)
                : Duration.ofDays(7);
        JsonNode stepsNode = json.path("steps");
        if (!stepsNode.isArray() || stepsNode.isEmpty() || stepsNode.size() > MAX_STEPS) {
            throw new InvalidJourneyException("steps", "must be an array of 1 to " + MAX_STEPS + " steps");
        }
        List<Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            Step step = step(stepsNode.get(i), "steps[" + i + "]", i);
            if (!ids.add(step.id())) {
                throw new InvalidJourneyException("steps[" + i + "].id", "'" + step.id() + "' is used twice");
            }
            steps.add(step);
        }
        for (int i = 0; i < steps.size(); i++) {
            for (String target : targets(steps.get(i))) {
                if (!ids.contains(target)) {
                    throw new InvalidJourneyException(
                            "steps[" + i + "]", "refers to step '" + target + "', which does not exist");
                }
            }
        }
        return new JourneyDefinition(id, version, name, entry, steps, goal, holdout, reentry);
    }

    private static List<String> targets(Step step) {
        return switch (step) {
            case JourneyDefinition.Branch b -> List.of(b.then(), b.otherwise());
            case JourneyDefinition.Wait w -> w.onEvent().map(List::of).orElse(List.of());
            default -> List.of();
        };
    }

    private static JourneyDefinition.Entry entry(JsonNode node) {
        String type = text(node, "type", "entry.type");
        return switch (type) {
            case "event" -> {
                Optional<String> unless = node.has("unless")
                        ? Optional.of(text(node.path("unless"), "event", "entry.unless.event"))
                        : Optional.empty();
                Duration within = unless.isPresent()
                        ? duration(
                                node.path("unless"),
                                "withinMinutes",
                                "entry.unless.withinMinutes",
                                1,
                                60 * 24 * 30,
                                Duration::ofMinutes)
                        : Duration.ZERO;
                yield new JourneyDefinition.EventEntry(text(node, "event", "entry.event"), unless, within);
            }
            case "audience" -> new JourneyDefinition.AudienceEntry(text(node, "audienceId", "entry.audienceId"));
            case "schedule" -> {
                ScheduleExpression schedule;
                try {
                    schedule = ScheduleExpression.of(text(node, "expression", "entry.expression"));
                } catch (IllegalArgumentException e) {
                    throw new InvalidJourneyException("entry.expression", e.getMessage());
                }
                yield new JourneyDefinition.ScheduleEntry(schedule, text(node, "audienceId", "entry.audienceId"));
            }
            default ->
                throw new InvalidJourneyException(
                        "entry.type", "must be event, audience or schedule (got '" + type + "')");
        };
    }

    private static Step step(JsonNode node, String at, int index) {
        if (!node.isObject()) {
            throw new InvalidJourneyException(at, "a step is a JSON object");
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : "step-" + (index + 1);
        if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new InvalidJourneyException(at + ".id", "must be 1-40 letters, digits, '_' or '-'");
        }
        String type = text(node, "type", at + ".type");
        return switch (type) {
            case "wait" -> wait(node, at, id);
            case "branch" ->
                new JourneyDefinition.Branch(
                        id,
                        condition(node.path("condition"), at + ".condition"),
                        text(node, "then", at + ".then"),
                        text(node, "else", at + ".else"));
            case "send" -> send(node, at, id);
            case "coupon" -> new JourneyDefinition.IssueCoupon(id, text(node, "campaignId", at + ".campaignId"));
            case "setTrait" ->
                new JourneyDefinition.SetTrait(
                        id, text(node, "name", at + ".name"), text(node, "value", at + ".value"));
            case "exit" -> new JourneyDefinition.Exit(id);
            default ->
                throw new InvalidJourneyException(
                        at + ".type", "must be wait, branch, send, coupon, setTrait or exit (got '" + type + "')");
        };
    }

    private static Step wait(JsonNode node, String at, String id) {
        Optional<Duration> duration = node.has("minutes")
                ? Optional.of(duration(node, "minutes", at + ".minutes", 1, 60 * 24 * 90, Duration::ofMinutes))
                : Optional.empty();
        Optional<LocalTime> until = Optional.empty();
        if (node.has("untilLocalTime")) {
            try {
                until = Optional.of(LocalTime.parse(node.get("untilLocalTime").asText()));
            } catch (DateTimeParseException e) {
                throw new InvalidJourneyException(at + ".untilLocalTime", "must be a time of day like 09:30");
            }
        }
        Optional<String> event = node.has("event") ? Optional.of(text(node, "event", at + ".event")) : Optional.empty();
        Optional<String> onEvent =
                node.has("onEvent") ? Optional.of(text(node, "onEvent", at + ".onEvent")) : Optional.empty();
        if (duration.isEmpty() == until.isEmpty()) {
            throw new InvalidJourneyException(at, "a wait needs exactly one of minutes or untilLocalTime");
        }
        if (event.isPresent() && duration.isEmpty()) {
            throw new InvalidJourneyException(at + ".minutes", "waiting for an event needs a timeout in minutes");
        }
        if (onEvent.isPresent() && event.isEmpty()) {
            throw new InvalidJourneyException(at + ".onEvent", "only a wait for an event can continue elsewhere on it");
        }
        return new JourneyDefinition.Wait(id, duration, until, event, onEvent);
    }

    private static Step send(JsonNode node, String at, String id) {
        JsonNode channelsNode = node.path("channels");
        if (!channelsNode.isArray() || channelsNode.isEmpty()) {
            throw new InvalidJourneyException(at + ".channels", "must list the channels to try, in order");
        }
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < channelsNode.size(); i++) {
            String channel = channelsNode.get(i).asText("");
            if (Channel.of(channel).isEmpty()) {
                throw new InvalidJourneyException(
                        at + ".channels[" + i + "]",
                        "unknown channel '" + channel + "' (email, sms, wechat, line, telegram, messenger)");
            }
            channels.add(channel);
        }
        JsonNode templatesNode = node.path("templates");
        Map<String, JourneyDefinition.MessageTemplate> templates = new LinkedHashMap<>();
        templatesNode.properties().forEach(e -> {
            if (!LANGUAGES.contains(e.getKey())) {
                throw new InvalidJourneyException(at + ".templates." + e.getKey(), "languages are en and zh-CN");
            }
            String where = at + ".templates." + e.getKey();
            String subject = e.getValue().path("subject").asText("");
            templates.put(
                    e.getKey(),
                    new JourneyDefinition.MessageTemplate(subject, text(e.getValue(), "body", where + ".body")));
        });
        if (templates.isEmpty()) {
            throw new InvalidJourneyException(at + ".templates", "needs a template in en or zh-CN");
        }
        Optional<String> link = Optional.empty();
        if (node.has("link")) {
            String url = node.get("link").asText("");
            if (!url.startsWith("https://")) {
                throw new InvalidJourneyException(at + ".link", "must be an https:// URL");
            }
            link = Optional.of(url);
        }
        Optional<String> tag = Optional.empty();
        if (node.has("messengerTag")) {
            String value = node.get("messengerTag").asText("");
            if (!MESSENGER_TAGS.contains(value)) {
                throw new InvalidJourneyException(
                        at + ".messengerTag",
                        "must be one of " + MESSENGER_TAGS + " (Meta allows no tag for promotional messages)");
            }
            tag = Optional.of(value);
        }
        return new JourneyDefinition.Send(id, channels, templates, link, tag);
    }

    private static Condition condition(JsonNode node, String at) {
        String kind = text(node, "kind", at + ".kind");
        return switch (kind) {
            case "event" -> new JourneyDefinition.EventCondition(text(node, "event", at + ".event"));
            case "trait" ->
                new JourneyDefinition.TraitCondition(
                        text(node, "name", at + ".name"), text(node, "equals", at + ".equals"));
            case "score" -> {
                if (!node.path("atLeast").isNumber()) {
                    throw new InvalidJourneyException(at + ".atLeast", "must be a number");
                }
                yield new JourneyDefinition.ScoreCondition(
                        text(node, "name", at + ".name"), node.get("atLeast").asDouble());
            }
            case "segment" -> new JourneyDefinition.SegmentCondition(text(node, "segment", at + ".segment"));
            case "random" -> new JourneyDefinition.RandomSplit(integer(node, "percent", at + ".percent", 1, 99, -1));
            default ->
                throw new InvalidJourneyException(
                        at + ".kind", "must be event, trait, score, segment or random (got '" + kind + "')");
        };
    }

    private static String text(JsonNode node, String name, String at) {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidJourneyException(at, "is required and must be a non-empty string");
        }
        if (value.asText().length() > 2000) {
            throw new InvalidJourneyException(at, "is longer than 2000 characters");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String name, String at, int min, int max, int fallback) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() && fallback >= 0) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new InvalidJourneyException(at, "must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static Duration duration(
            JsonNode node, String name, String at, int min, int max, java.util.function.LongFunction<Duration> unit) {
        return unit.apply(integer(node, name, at, min, max, -1));
    }
}
