package com.quanyu.shared.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises and hashes raw identifiers so that the same person's value always gives the same key,
 * and no raw e-mail address or phone number is ever used as a key.
 *
 * <ul>
 *   <li>email: trimmed, Unicode NFC, lower-cased, must look like {@code local@domain.tld}</li>
 *   <li>phone: E.164 ({@code +8613800138000}); separators dropped, {@code 00} read as {@code +}, a
 *       national number gets the default country code (China: 11 digits starting with 1)</li>
 *   <li>loyalty card: upper-cased, spaces and dashes dropped</li>
 *   <li>others: trimmed, case kept (platform ids are case-sensitive)</li>
 * </ul>
 * Junk placeholders ({@link IdentityRules#DEFAULT_JUNK}) normalise to empty.
 */
public final class Identifiers {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-().\\u00a0/]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_LENGTH = 256;
    private static final Identifiers DEFAULT = new Identifiers(IdentityRules.defaults());

    private final IdentityRules rules;

    private Identifiers(IdentityRules rules) {
        this.rules = rules;
    }

    /** Normalisation under the given rules (e.g. another default phone region). */
    public static Identifiers with(IdentityRules rules) {
        return new Identifiers(rules);
    }

    /** Normalises with {@link IdentityRules#defaults()}; empty when the value is junk or malformed. */
    public static Optional<String> normalise(IdentifierType type, String raw) {
        return DEFAULT.normalised(type, raw);
    }

    /** Normalises and hashes with {@link IdentityRules#defaults()}; empty when the value is unusable. */
    public static Optional<Identifier> hash(IdentifierType type, String raw) {
        return DEFAULT.identifier(type, raw);
    }

    /** SHA-256 hex of {@code "type:normalised"}; the value must already be normalised. */
    public static String hashNormalised(IdentifierType type, String normalised) {
        return sha256Hex(type.wireName() + ":" + normalised);
    }

    public Optional<Identifier> identifier(IdentifierType type, String raw) {
        return normalised(type, raw).map(value -> Identifier.of(type, hashNormalised(type, value)));
    }

    public Optional<String> normalised(IdentifierType type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (value.isEmpty() || value.length() > MAX_LENGTH || rules.isJunk(value) || hasControlCharacters(value)) {
            return Optional.empty();
        }
        return switch (type) {
            case EMAIL -> email(value);
            case PHONE -> phone(value);
            case LOYALTY_CARD -> card(value);
            default -> Optional.of(value);
        };
    }

    public IdentityRules rules() {
        return rules;
    }

    private Optional<String> email(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return EMAIL.matcher(lower).matches() && !rules.isJunk(lower) ? Optional.of(lower) : Optional.empty();
    }

    private Optional<String> phone(String value) {
        String compact = PHONE_SEPARATORS.matcher(value).replaceAll("");
        boolean international = compact.startsWith("+");
        if (international) {
            compact = compact.substring(1);
        } else if (compact.startsWith("00")) {
            international = true;
            compact = compact.substring(2);
        }
        if (!DIGITS.matcher(compact).matches()) {
            return Optional.empty();
        }
        String code = rules.defaultCountryCode();
        String e164;
        if (international) {
            e164 = compact;
        } else if ("86".equals(code) && compact.length() == 11 && compact.startsWith("1")) {
            e164 = code + compact;
        } else if (compact.startsWith("0")) {
            e164 = code + compact.substring(1);
        } else if (compact.startsWith(code) && compact.length() > 11) {
            e164 = compact;
        } else {
            e164 = code + compact;
        }
        if (e164.length() < 8 || e164.length() > 15 || e164.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of("+" + e164);
    }

    private Optional<String> card(String value) {
        String card = value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return card.isEmpty() || rules.isJunk(card) ? Optional.empty() : Optional.of(card);
    }

    private static boolean hasControlCharacters(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
