package com.quanyu.shared.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
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
 *   <li>phone: E.164 ({@code +8613800138000}) by libphonenumber; {@code 00} read as {@code +}, a
 *       national number read with the numbering plan of the default country (its trunk prefix, lengths)</li>
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
    private volatile String region;

    private Identifiers(IdentityRules rules) {
        this.rules = rules;
    }

    /** libphonenumber, loaded with the first phone number (its set-up is a share of a cold start, and most events carry none). */
    private static final class Phones {
        static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    }

    /** The default country's region code, for numbers without a country code. */
    private String region() {
        String r = region;
        if (r == null) {
            r = Phones.UTIL.getRegionCodeForCountryCode(Integer.parseInt(rules.defaultCountryCode()));
            region = r;
        }
        return r;
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

    /**
     * E.164 by libphonenumber with the numbering plan of the rules' region (trunk prefixes, national
     * lengths: "06 6982 1234" in Italy keeps its 0, "1 415 555 0123" in the US is +1 415...); a number
     * written with + or 00 keeps its own country. Impossible numbers are not identifiers.
     */
    private Optional<String> phone(String value) {
        String compact = PHONE_SEPARATORS.matcher(value).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!DIGITS.matcher(compact.startsWith("+") ? compact.substring(1) : compact)
                .matches()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = Phones.UTIL.parse(compact, region());
            if (!Phones.UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(Phones.UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
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
