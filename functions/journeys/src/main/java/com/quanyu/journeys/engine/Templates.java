package com.quanyu.journeys.engine;

import com.quanyu.journeys.definition.JourneyDefinition.MessageTemplate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code {{variable}}} placeholders. Unknown variables render as empty text, never as the
 * placeholder itself; the language falls back to the other variant when the customer's is missing.
 */
final class Templates {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

    private Templates() {}

    static MessageTemplate pick(Map<String, MessageTemplate> templates, String language) {
        MessageTemplate template = templates.get(language);
        return template != null
                ? template
                : templates.getOrDefault("en", templates.values().iterator().next());
    }

    static String render(String text, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
