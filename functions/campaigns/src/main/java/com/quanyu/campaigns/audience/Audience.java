package com.quanyu.campaigns.audience;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A named audience: a rule, and what its last refresh found.
 *
 * @param id              url-safe id
 * @param name            display name
 * @param rule            the rule as JSON (see {@link AudienceRule})
 * @param exportFormat    the ad platform's customer-list format ({@link CustomerListFormat})
 * @param lastCount       members at the last refresh, or null before the first
 * @param lastExportKey   S3 key of the last export
 * @param lastRefreshedAt when it was last refreshed
 */
public record Audience(
        String id,
        String name,
        JsonNode rule,
        CustomerListFormat exportFormat,
        Long lastCount,
        String lastExportKey,
        Instant lastRefreshedAt) {
    public Audience {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("id must be 1-63 lower-case letters, digits or '-'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        AudienceRule.parse(rule); // validates
        exportFormat = exportFormat == null ? CustomerListFormat.GOOGLE : exportFormat;
    }

    public AudienceRule parsedRule() {
        return AudienceRule.parse(rule);
    }

    public Audience refreshed(long count, String exportKey, Instant at) {
        return new Audience(id, name, rule, exportFormat, count, exportKey, at);
    }
}
